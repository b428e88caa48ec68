import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { OrgScopedRequest } from '../scoped';
import type { AttemptSummaryView } from './attempt';

export const bulkAttemptActions = ['pause', 'resume', 'extend'] as const;
export type BulkAttemptAction = (typeof bulkAttemptActions)[number];

/** Most candidates one bulk action reaches: a large hall, with room to spare. */
export const maxBulkAttemptUsers = 1000;

/** Body of POST /api/sessions/:sessionId/attempts/bulk: one proctor action on many candidates. */
export class BulkAttemptBody {
  @IsIn(bulkAttemptActions, { message: `action must be one of: ${bulkAttemptActions.join(', ')}` })
  action!: BulkAttemptAction;

  @ArrayMinSize(1, { message: 'userIds must name at least one candidate' })
  @ArrayMaxSize(maxBulkAttemptUsers, { message: `userIds may name at most ${maxBulkAttemptUsers} candidates` })
  @ArrayUnique({ message: 'userIds must not repeat a candidate' })
  @IsUUID('all', { each: true, message: 'each of userIds must be a user id (UUID)' })
  userIds!: string[];

  /** Required for extend: whole minutes, 1 to 600. */
  @ValidateIf((body: BulkAttemptBody) => body.action === 'extend' || body.minutes !== undefined)
  @IsInt({ message: 'minutes must be a whole number of minutes (required to extend)' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(600, { message: 'minutes must be at most 600' })
  minutes?: number;

  /** Why, for the session record (optional). */
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;
}

/** What happened to one candidate of a bulk action. */
export interface BulkAttemptOutcome {
  userId: string;
  /** The candidate's name when they are on the roster. */
  displayName: string | null;
  ok: boolean;
  /** On success what was done, on refusal why ("This candidate has already submitted; …"). */
  message: string;
  /** The attempt after the action, when it was done. */
  attempt: AttemptSummaryView | null;
}

export interface BulkAttemptResult {
  action: BulkAttemptAction;
  done: number;
  refused: number;
  /** In the order of the request's userIds. */
  outcomes: BulkAttemptOutcome[];
}

/** One candidate's attempt question by question, for the proctor's drawer. */
export class GetAttemptProgressRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;
}

export interface QuestionProgressView {
  questionId: string;
  /** 1-based, in the exam's order. */
  number: number;
  sectionId: string;
  answered: boolean;
  /** Accepted saves of this question: the guide's "number of attempts per question". */
  changeCount: number;
  flagged: boolean;
  secondsSpent: number;
  /** The question the candidate is on now. */
  current: boolean;
}

export interface SectionProgressView {
  sectionId: string;
  title: string;
  answered: number;
  total: number;
  secondsSpent: number;
}

export interface AttemptProgressView {
  userId: string;
  attemptId: string;
  sections: SectionProgressView[];
  questions: QuestionProgressView[];
}
