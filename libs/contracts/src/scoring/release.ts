import { IsBoolean, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';

/** When a session's results reach its candidates. */
export enum ReleasePolicy {
  /** As soon as each result is scored. */
  Immediately = 'immediately',
  /** Once no answer of the session awaits review (the default). */
  AfterReviews = 'after_reviews',
  /** When the proctor presses Release. */
  Manual = 'manual',
}

/** What a candidate sees of a released result; staff always see everything. */
export interface ResultVisibility {
  score: boolean;
  passFail: boolean;
  questionCorrectness: boolean;
  correctAnswers: boolean;
  feedback: boolean;
}

const policyMessage = `policy must be one of: ${Object.values(ReleasePolicy).join(', ')}`;
const flag = (name: string) => ({ message: `${name} must be true or false` });

/** Body of PUT /api/sessions/:sessionId/release/settings. */
export class UpdateReleaseSettingsBody implements ResultVisibility {
  @IsEnum(ReleasePolicy, { message: policyMessage })
  policy!: ReleasePolicy;

  @IsBoolean(flag('score'))
  score!: boolean;

  @IsBoolean(flag('passFail'))
  passFail!: boolean;

  @IsBoolean(flag('questionCorrectness'))
  questionCorrectness!: boolean;

  @IsBoolean(flag('correctAnswers'))
  correctAnswers!: boolean;

  @IsBoolean(flag('feedback'))
  feedback!: boolean;
}

export class UpdateReleaseSettingsRequest extends ActorScopedRequest implements ResultVisibility {
  @IsUUID()
  sessionId!: string;

  @IsEnum(ReleasePolicy, { message: policyMessage })
  policy!: ReleasePolicy;

  @IsBoolean()
  score!: boolean;

  @IsBoolean()
  passFail!: boolean;

  @IsBoolean()
  questionCorrectness!: boolean;

  @IsBoolean()
  correctAnswers!: boolean;

  @IsBoolean()
  feedback!: boolean;
}

export class GetReleaseRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export class ReleaseResultsRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** A session's release policy, what it shows, and where the release stands. */
export interface ReleaseView {
  sessionId: string;
  policy: ReleasePolicy;
  visibility: ResultVisibility;
  /** Results candidates see now (automatically under `immediately`/`after_reviews`, or by the button). */
  released: boolean;
  releasedAt: string | null;
  releasedBy: string | null;
  /** Answers of the session still awaiting a reviewer. */
  answersAwaitingReview: number;
  results: number;
}

/** The answer to POST /api/sessions/:sessionId/release. */
export interface ReleaseOutcome extends ReleaseView {
  /** False when the session was released already: nothing was sent again. */
  releasedNow: boolean;
  message: string;
}

export const ResultReviewFilter = { Final: 'final', Provisional: 'provisional' } as const;
export const ResultOutcomeFilter = { Passed: 'passed', Failed: 'failed' } as const;

/** Query of GET /api/sessions/:sessionId/results (and its exports). */
export class SessionResultsQuery {
  @IsOptional()
  @IsIn(Object.values(ResultOutcomeFilter), { message: 'outcome must be passed or failed' })
  outcome?: 'passed' | 'failed';

  @IsOptional()
  @IsIn(Object.values(ResultReviewFilter), { message: 'review must be final or provisional' })
  review?: 'final' | 'provisional';
}

export class ListSessionResultsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsOptional()
  @IsIn(Object.values(ResultOutcomeFilter))
  outcome?: 'passed' | 'failed';

  @IsOptional()
  @IsIn(Object.values(ResultReviewFilter))
  review?: 'final' | 'provisional';
}

/** One candidate's row of the results table (staff only). */
export interface SessionResultRow {
  resultId: string;
  userId: string;
  displayName: string;
  email: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  answersAwaitingReview: number;
  submittedAt: string;
  certificateId: string | null;
  certificateStatus: string | null;
}

export interface SessionResultsView {
  release: ReleaseView;
  rows: SessionResultRow[];
}
