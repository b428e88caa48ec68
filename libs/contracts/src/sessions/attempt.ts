import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AnswerValue } from './answer-value';
import { AttemptStatus, QuestionType } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';
import { SecurityOptions } from './session';
import type { SessionNoticeView } from './emergency';

export class AttemptRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  sessionId!: string;
}

/** Body of PUT /api/sessions/:sessionId/attempt/answers/:questionId. */
export class SaveAnswerBody {
  /** Increases with every change the candidate makes; an older number never overwrites a newer one. */
  @IsInt({ message: 'clientSeq must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  clientSeq!: number;

  @ValidateNested()
  @Type(() => AnswerValue)
  @IsDefined({ message: 'answer is required' })
  answer!: AnswerValue;
}

/** A browser tab's id for one exam view (random, made by the page); one attempt has one live view. */
export const viewIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

export class SaveAnswerRequest extends AttemptRequest {
  @IsUUID()
  questionId!: string;

  /** The view the save comes from; a view that was taken over may no longer save. Absent: an API client. */
  @IsOptional()
  @Matches(viewIdPattern, { message: 'viewId must be 8 to 64 letters, digits, dashes or underscores' })
  viewId?: string;

  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  clientSeq!: number;

  @ValidateNested()
  @Type(() => AnswerValue)
  @IsDefined({ message: 'answer is required' })
  answer!: AnswerValue;
}

/** Sent only after the answer is committed in PostgreSQL. */
export interface SaveAnswerAck {
  questionId: string;
  clientSeq: number;
  /** The sequence now stored: higher than clientSeq when a newer save already won. */
  storedSeq: number;
  answeredCount: number;
  savedAt: string;
}

/** The page says which question the candidate is on: the server keeps time per section from this. */
export class NavigateBody {
  @IsUUID('all', { message: 'questionId must be the id of a question of this exam' })
  questionId!: string;
}

export class NavigateAttemptRequest extends AttemptRequest {
  @IsUUID()
  questionId!: string;
}

export class FlagQuestionBody {
  @IsBoolean({ message: 'flagged must be true or false' })
  flagged!: boolean;
}

export class FlagQuestionRequest extends AttemptRequest {
  @IsUUID()
  questionId!: string;

  @IsBoolean()
  flagged!: boolean;
}

/** A page asks to be the attempt's live view; `takeover` confirms replacing another live view. */
export class AttachViewRequest extends AttemptRequest {
  @Matches(viewIdPattern, { message: 'viewId must be 8 to 64 letters, digits, dashes or underscores' })
  viewId!: string;

  @IsBoolean()
  takeover!: boolean;

  /** The gateway's id of the socket connection: a late disconnect of an older connection is ignored. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  connectionId!: string;
}

export type AttachViewReply =
  | { attached: true; attempt: AttemptView }
  /** Another view is live: the page asks the candidate before taking over. */
  | { attached: false; reason: 'another-view-live' };

/** The gateway's heartbeat bookkeeping: a view came back (connected) or went silent (disconnected). */
export class AttemptPresenceRequest extends OrgScopedRequest {
  @IsUUID()
  attemptId!: string;

  @Matches(viewIdPattern)
  viewId!: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  connectionId!: string;

  @IsBoolean()
  connected!: boolean;

  /** When the view was last heard from; for a disconnect, when the disconnected time starts. */
  @IsISO8601()
  lastSeenAt!: string;
}

/** A proctor acts on one candidate's attempt (pause, resume, extend, list). */
export class ProctorAttemptRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  /** Why the staff member changed the clock (pause, resume, extend), kept in the session record. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ExtendAttemptBody {
  @IsInt({ message: 'minutes must be a whole number of minutes' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(600, { message: 'minutes must be at most 600' })
  minutes!: number;

  /** Why, for the session record (optional). */
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;
}

export class ExtendAttemptRequest extends ProctorAttemptRequest {
  @IsInt()
  @Min(1)
  @Max(600)
  minutes!: number;
}

export class ListAttemptsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** The proctor's view of one attempt's clock and connection. */
export interface AttemptSummaryView {
  attemptId: string;
  userId: string;
  status: AttemptStatus;
  paused: boolean;
  remainingSeconds: number;
  extensionMinutes: number;
  disconnectedSeconds: number;
  /** Finished disconnections not yet given back: what "Credit disconnected time" offers. */
  creditableSeconds: number;
  /** When the attempt opened (absent from sessions versions before the dashboard): the elapsed time counts from it. */
  startedAt?: string;
  /** Disconnected time already given back, in seconds. */
  creditedSeconds?: number;
  connected: boolean;
  submittedAt: string | null;
  autoSubmitted: boolean;
}

export interface CandidateQuestionView {
  id: string;
  sectionId: string;
  type: QuestionType;
  prompt: string;
  /** Choice questions only; empty otherwise. */
  options: string[];
  points: number;
  /** Essays only: the word limit, or null for none. */
  maxWords: number | null;
}

export interface CandidateSectionView {
  id: string;
  title: string;
}

export interface AttemptView {
  id: string;
  sessionId: string;
  sessionName: string;
  status: AttemptStatus;
  sections: CandidateSectionView[];
  questions: CandidateQuestionView[];
  answers: { questionId: string; answer: AnswerValue; clientSeq: number }[];
  answeredCount: number;
  /** From the server's clock; the page counts down between updates but never decides by itself. */
  remainingSeconds: number;
  /** The clock is stopped: by the proctor for this candidate, or for the whole session. */
  paused: boolean;
  pausedBy: 'proctor' | 'session' | null;
  /** The deadline passed: no answer is accepted any more (submission follows after the grace period). */
  timeOver: boolean;
  flaggedQuestionIds: string[];
  /** Where the candidate was last: the page resumes here. */
  currentQuestionId: string | null;
  /** The view that holds the attempt; null until a page attaches. */
  liveViewId: string | null;
  security: SecurityOptions;
  submittedAt: string | null;
  /** True when the deadline or the end of the session submitted the attempt, not the candidate. */
  autoSubmitted: boolean;
  /** The proctor's pause message, a live reschedule's new start and End Session's grace. */
  sessionNotice: SessionNoticeView;
}
