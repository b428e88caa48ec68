import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  AlertCounts,
  AttemptProgressView,
  BulkAttemptOutcome,
  BulkAttemptResult,
  LiveCounters,
  LiveParticipantView,
  LiveSessionView,
  QuestionProgressView,
  SectionProgressView,
} from '@invigil/contracts';
import { bulkAttemptActions, ParticipantStatus } from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function shape<T>(properties: { [K in keyof T]-?: Schema }, optional: (keyof T & string)[] = []): SchemaObject {
  const required = Object.keys(properties).filter((key) => !optional.includes(key as keyof T & string));
  return { type: 'object', properties, required };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const num: SchemaObject = { type: 'number' };
const bool: SchemaObject = { type: 'boolean' };
const id: SchemaObject = { type: 'string', format: 'uuid' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const oneOf = (values: Record<string, string>): SchemaObject => ({ type: 'string', enum: Object.values(values) });
const list = (items: Schema): SchemaObject => ({ type: 'array', items });
const alertCounts = shape<AlertCounts>({ low: int, medium: int, high: int });

/** The live dashboard's response schemas (the read model and the bulk outcomes), merged into RESPONSE_SCHEMAS. */
export const DASHBOARD_SCHEMAS: Record<string, SchemaObject> = {
  LiveSessionView: shape<LiveSessionView>(
    {
      sessionId: id,
      participants: list(
        shape<LiveParticipantView>(
          {
            participantId: id,
            sessionId: id,
            userId: id,
            displayName: str,
            status: oneOf(ParticipantStatus),
            answeredCount: int,
            totalQuestions: int,
            scorePercent: nullable(num),
            lastActivityAt: time,
            alertCount: int,
            connected: bool,
            lastSeenAt: nullable(time),
            flaggedCount: int,
            alerts: alertCounts,
            unreadMessages: int,
            handRaised: bool,
            extensionMinutes: int,
            creditedSeconds: int,
          },
          [
            'alertCount',
            'connected',
            'lastSeenAt',
            'flaggedCount',
            'alerts',
            'unreadMessages',
            'handRaised',
            'extensionMinutes',
            'creditedSeconds',
          ],
        ),
      ),
      activity: list(shape({ at: time, text: str })),
      counters: shape<LiveCounters>({
        invited: int,
        waiting: int,
        inSession: int,
        disconnected: int,
        complete: int,
        alerts: alertCounts,
        unreadMessages: int,
        handsRaised: int,
      }),
    },
    ['counters'],
  ),
  BulkAttemptResult: shape<BulkAttemptResult>({
    action: { type: 'string', enum: [...bulkAttemptActions] },
    done: int,
    refused: int,
    outcomes: list(
      shape<BulkAttemptOutcome>({
        userId: id,
        displayName: nullable(str),
        ok: bool,
        message: str,
        attempt: { allOf: [ref('AttemptSummaryView')], nullable: true },
      }),
    ),
  }),
  AttemptProgressView: shape<AttemptProgressView>({
    userId: id,
    attemptId: id,
    sections: list(
      shape<SectionProgressView>({ sectionId: id, title: str, answered: int, total: int, secondsSpent: int }),
    ),
    questions: list(
      shape<QuestionProgressView>({
        questionId: id,
        number: int,
        sectionId: id,
        answered: bool,
        changeCount: int,
        flagged: bool,
        secondsSpent: int,
        current: bool,
      }),
    ),
  }),
};
