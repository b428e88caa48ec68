import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { AnswerValue } from '../sessions/answer-value';
import { SessionEvent } from './session-events';

/** Attempt events (sessions service): each names the attempt and its candidate. */
export class AttemptEvent extends SessionEvent {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  userId!: string;
}

/** Progress for monitoring. */
export class AttemptProgressedEvent extends AttemptEvent {
  @IsInt()
  @Min(0)
  answeredCount!: number;

  @IsInt()
  @Min(0)
  totalQuestions!: number;

  /** Questions the candidate flagged for review (absent in events from before flags existed). */
  @IsOptional()
  @IsInt()
  @Min(0)
  flaggedCount?: number;
}

/** One attempt's counts in a batch of progress. */
export class AttemptProgressEntry {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  userId!: string;

  @IsInt()
  @Min(0)
  answeredCount!: number;

  @IsInt()
  @Min(0)
  totalQuestions!: number;

  @IsInt()
  @Min(0)
  flaggedCount!: number;
}

/**
 * The progress of many attempts of one session at once, as the save path's group commit produces
 * it (coalesced per attempt, the counts as committed); monitoring applies it in one transaction.
 */
export class AttemptsProgressedEvent extends SessionEvent {
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AttemptProgressEntry)
  progress!: AttemptProgressEntry[];
}

export class SubmittedAnswer {
  @IsUUID()
  questionId!: string;

  @ValidateNested()
  @Type(() => AnswerValue)
  answer!: AnswerValue;
}

/** A submission, with every answer, for scoring. */
export class AttemptSubmittedEvent extends AttemptEvent {
  @IsUUID()
  assessmentVersionId!: string;

  @IsISO8601()
  submittedAt!: string;

  @ValidateNested({ each: true })
  @Type(() => SubmittedAnswer)
  answers!: SubmittedAnswer[];

  /** True when the deadline or the end of the session submitted it (absent: the candidate did). */
  @IsOptional()
  @IsBoolean()
  automatic?: boolean;

  /** What ended the attempt, when the sender knows it more precisely than `automatic`. */
  @IsOptional()
  @IsIn(['candidate', 'deadline', 'session_end', 'proctor'])
  endedBy?: 'candidate' | 'deadline' | 'session_end' | 'proctor';
}

/** Attempt clock and connection events: enrollment moves the participant's status, monitoring shows them. */
export class AttemptClockEvent extends AttemptEvent {
  /** The server's remaining time after the change. */
  @IsInt()
  @Min(0)
  remainingSeconds!: number;

  /** The staff member who changed the clock (absent: a whole-session change or an older event). */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** Why the staff member changed it, when they said (pause, resume, extend). */
  @IsOptional()
  @IsString()
  reason?: string;
}

export class AttemptPausedEvent extends AttemptClockEvent {
  /** 'proctor': this candidate alone; 'session': the whole session was paused. */
  @IsIn(['proctor', 'session'])
  pausedBy!: 'proctor' | 'session';
}

export class AttemptResumedEvent extends AttemptClockEvent {}

export class AttemptExtendedEvent extends AttemptClockEvent {
  @IsInt()
  @Min(1)
  minutes!: number;
}

export class AttemptDisconnectedEvent extends AttemptEvent {
  /** When the view was last heard from. */
  @IsISO8601()
  since!: string;
}

export class AttemptReconnectedEvent extends AttemptEvent {
  /** Seconds this disconnection lasted. */
  @IsInt()
  @Min(0)
  disconnectedSeconds!: number;

  /** Seconds disconnected in this attempt so far, which a proctor may credit. */
  @IsInt()
  @Min(0)
  totalDisconnectedSeconds!: number;
}

/** A second tab or device took the attempt over after the candidate confirmed: a suspicious-activity signal. */
export class AttemptViewTakenOverEvent extends AttemptEvent {
  @IsString()
  viewId!: string;

  @IsOptional()
  @IsString()
  previousViewId!: string | null;

  @IsISO8601()
  at!: string;
}
