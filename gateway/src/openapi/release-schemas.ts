import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  ReleaseOutcome,
  ReleaseView,
  ResultQuestionView,
  ResultVisibility,
  SessionResultRow,
  SessionResultsView,
} from '@invigil/contracts';
import { ReleasePolicy } from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function object<T>(properties: { [K in keyof T]-?: Schema }): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const num: SchemaObject = { type: 'number' };
const bool: SchemaObject = { type: 'boolean' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });

const release = {
  sessionId: uuid,
  policy: { type: 'string', enum: Object.values(ReleasePolicy) } satisfies SchemaObject,
  visibility: object<ResultVisibility>({
    score: bool,
    passFail: bool,
    questionCorrectness: bool,
    correctAnswers: bool,
    feedback: bool,
  }),
  released: bool,
  releasedAt: nullable(time),
  releasedBy: nullable(uuid),
  answersAwaitingReview: int,
  results: int,
};

/** The schemas of ResultView's questions, the release and the results table. */
export const RELEASE_SCHEMAS: Record<string, SchemaObject> = {
  ResultQuestionView: object<ResultQuestionView>({
    questionId: uuid,
    number: int,
    points: int,
    maxPoints: int,
    correct: nullable(bool),
    correctAnswer: nullable(str),
    feedback: nullable(str),
  }),
  ReleaseView: object<ReleaseView>(release),
  ReleaseOutcome: object<ReleaseOutcome>({ ...release, releasedNow: bool, message: str }),
  SessionResultsView: object<SessionResultsView>({
    release: ref('ReleaseView'),
    rows: {
      type: 'array',
      items: object<SessionResultRow>({
        resultId: uuid,
        userId: uuid,
        displayName: str,
        email: str,
        score: int,
        maxScore: int,
        percent: num,
        passed: bool,
        answersAwaitingReview: int,
        submittedAt: time,
        certificateId: nullable(uuid),
        certificateStatus: nullable(str),
      }),
    },
  }),
};
