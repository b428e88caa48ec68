import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { RecordActor, RecordBreak, RecordEntryView, RecordPage, RecordVerification } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';

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

/** The session record's response schemas, merged into RESPONSE_SCHEMAS. */
export const RECORD_SCHEMAS: Record<string, SchemaObject> = {
  RecordEntryView: object<RecordEntryView>({
    sessionId: uuid,
    seq: int,
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: Object.values(RecordKind) },
    userId: nullable(uuid),
    actor: object<RecordActor>({
      type: { type: 'string', enum: ['staff', 'candidate', 'system', 'deadline'] },
      userId: nullable(uuid),
      role: nullable(str),
    }),
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
};
