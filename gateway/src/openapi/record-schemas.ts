import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  AffectedUser,
  IncidentEvidence,
  IncidentView,
  RecordActor,
  RecordBreak,
  RecordEntryView,
  RecordPage,
  RecordVerification,
} from '@invigil/contracts';
import { IncidentCategory, IncidentSeverity, ParticipantStatus, RecordKind } from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function object<T>(properties: { [K in keyof T]-?: Schema }): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const uuids: SchemaObject = { type: 'array', items: uuid };

const actor = object<RecordActor>({
  type: { type: 'string', enum: ['staff', 'candidate', 'system', 'deadline'] },
  userId: nullable(uuid),
  role: { ...str, nullable: true, description: 'proctor, admin, candidate or system; null where not carried' },
});

/** The session record's response schemas, merged into RESPONSE_SCHEMAS. */
export const RECORD_SCHEMAS: Record<string, SchemaObject> = {
  RecordEntryView: object<RecordEntryView>({
    sessionId: uuid,
    seq: int,
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: Object.values(RecordKind) },
    userId: nullable(uuid),
    actor,
    detail: { type: 'object', additionalProperties: true, description: 'before/after and reason, by kind' },
    prevHash: str,
    hash: str,
  }),
  RecordPage: object<RecordPage>({
    entries: { type: 'array', items: ref('RecordEntryView') },
    nextCursor: nullable(int),
    total: int,
  }),
  RecordVerification: object<RecordVerification>({
    sessionId: uuid,
    intact: { type: 'boolean' },
    entryCount: int,
    brokenAt: {
      ...object<RecordBreak>({ seq: int, expectedHash: str, storedHash: nullable(str), reason: str }),
      nullable: true,
    },
  }),
  IncidentView: object<IncidentView>({
    id: uuid,
    sessionId: uuid,
    userId: { ...uuid, nullable: true, description: 'the candidate; null: the session' },
    category: { type: 'string', enum: Object.values(IncidentCategory) },
    subCategory: str,
    severity: { type: 'string', enum: Object.values(IncidentSeverity) },
    description: str,
    actionTaken: nullable(str),
    evidence: object<IncidentEvidence>({ alertIds: uuids, snapshotIds: uuids, messageIds: uuids }),
    affectedUsers: {
      type: 'array',
      nullable: true,
      items: object<AffectedUser>({
        userId: uuid,
        displayName: str,
        status: { type: 'string', enum: Object.values(ParticipantStatus) },
        answeredCount: int,
        totalQuestions: int,
      }),
    },
    actor,
    filedAt: { type: 'string', format: 'date-time' },
    recordSeq: int,
  }),
};
