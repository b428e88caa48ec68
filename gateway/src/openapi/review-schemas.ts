import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  ReviewCandidateCount,
  ReviewCandidateView,
  ReviewItemSummary,
  ReviewItemView,
  ReviewMarkView,
  ReviewQuestionCount,
  ReviewQueueView,
  ReviewSettingsView,
} from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function object<T>(properties: { [K in keyof T]-?: Schema }): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const state: SchemaObject = { type: 'string', enum: Object.values(ReviewState) };

const candidate = {
  candidateKey: uuid,
  pseudonym: str,
  displayName: nullable(str),
};

const counts = { needsReview: int, reviewed: int, autoScored: int };

const level = {
  type: 'object',
  properties: { label: str, points: int, description: str },
  required: ['label', 'points'],
} satisfies SchemaObject;

const rubric: SchemaObject = {
  type: 'object',
  nullable: true,
  properties: {
    criteria: {
      type: 'array',
      items: {
        type: 'object',
        properties: { title: str, levels: { type: 'array', items: level } },
        required: ['title', 'levels'],
      },
    },
  },
  required: ['criteria'],
};

const summary = {
  id: uuid,
  questionId: uuid,
  questionNumber: int,
  state,
  points: nullable(int),
  maxPoints: int,
  candidate: ref('ReviewCandidateView'),
};

export const REVIEW_SCHEMAS: Record<string, SchemaObject> = {
  ReviewCandidateView: object<ReviewCandidateView>(candidate),
  ReviewSettingsView: object<ReviewSettingsView>({
    sessionId: uuid,
    identitiesRevealedAt: nullable(time),
    doubleMarking: { type: 'boolean' },
    moderationThresholdPercent: int,
  }),
  ReviewItemSummary: object<ReviewItemSummary>(summary),
  ReviewQueueView: object<ReviewQueueView>({
    settings: ref('ReviewSettingsView'),
    questions: {
      type: 'array',
      items: object<ReviewQuestionCount>({ questionId: uuid, questionNumber: int, prompt: str, ...counts }),
    },
    candidates: { type: 'array', items: object<ReviewCandidateCount>({ ...candidate, ...counts }) },
    items: { type: 'array', items: ref('ReviewItemSummary') },
  }),
  ReviewItemView: object<ReviewItemView>({
    ...summary,
    sessionId: uuid,
    prompt: str,
    answerText: str,
    rubric,
    reviewerGuidance: nullable(str),
    rubricLevels: nullable({ type: 'array', items: int }),
    feedback: nullable(str),
    reviewedAt: nullable(time),
    savedComments: { type: 'array', items: str },
    marks: {
      type: 'array',
      items: object<ReviewMarkView>({
        role: { type: 'string', enum: ['first', 'second', 'moderator'] },
        points: int,
        rubricLevels: nullable({ type: 'array', items: int }),
        feedback: nullable(str),
        markedAt: time,
      }),
    },
    nextItemId: nullable(uuid),
  }),
};
