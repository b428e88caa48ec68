import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { EnrollmentMode, SessionStatus, StartMode, TimeLimitMode } from '../enums';

/**
 * Event payloads. Every event names its organization and session so the gateway can route it to
 * the right sockets without asking anyone.
 */
export class SessionEvent {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;
}

/** What the enrollment side needs to decide who may join and when (carried by created and updated). */
export class SessionJoiningSettings {
  @IsString()
  enrollmentCode!: string;

  @IsEnum(StartMode)
  startMode!: StartMode;

  /** UTC instant of a scheduled start, else null. */
  @IsOptional()
  @IsISO8601()
  scheduledAt!: string | null;

  @IsString()
  timeZone!: string;

  @IsInt()
  durationMinutes!: number;

  @IsEnum(EnrollmentMode)
  enrollmentMode!: EnrollmentMode;

  @IsOptional()
  @IsInt()
  maxUsers!: number | null;

  @IsBoolean()
  lateEntry!: boolean;

  @IsOptional()
  @IsInt()
  lateEntryMinutes!: number | null;

  @IsEnum(TimeLimitMode)
  timeLimitMode!: TimeLimitMode;

  /** Candidates need an approved identity check before they start (absent in older events: false). */
  @IsOptional()
  @IsBoolean()
  identityVerification?: boolean;
}

export class SessionCreatedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsString()
  enrollmentCode!: string;

  @IsInt()
  questionCount!: number;

  /** Optional: events stored before the status was carried still validate. */
  @IsOptional()
  @IsEnum(SessionStatus)
  status?: SessionStatus;

  @IsOptional()
  @ValidateNested()
  @Type(() => SessionJoiningSettings)
  settings?: SessionJoiningSettings;
}

/** Settings edited before the start (a reschedule also emits `sessionRescheduled`). */
export class SessionUpdatedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsEnum(SessionStatus)
  status!: SessionStatus;

  @ValidateNested()
  @Type(() => SessionJoiningSettings)
  settings!: SessionJoiningSettings;
}

/** A new start time (scheduled start) for a session that has not started; roster and progress are kept. */
export class SessionRescheduledEvent extends SessionEvent {
  @IsOptional()
  @IsISO8601()
  previousScheduledAt!: string | null;

  @IsISO8601()
  scheduledAt!: string;

  @IsString()
  timeZone!: string;

  /** The session's name, for the notices candidates get (absent in older events). */
  @IsOptional()
  @IsString()
  name?: string;

  /** True when a started or paused session moved: its attempts are paused until `scheduledAt`. */
  @IsOptional()
  @IsBoolean()
  whileRunning?: boolean;

  /** When the session had first started (live reschedules only). */
  @IsOptional()
  @IsISO8601()
  previousStartedAt?: string;

  /** Why it moved (live reschedules; the settings form carries none). */
  @IsOptional()
  @IsString()
  reason?: string;

  /** The proctor's message to the candidates (live reschedules only). */
  @IsOptional()
  @IsString()
  message?: string;

  /** The staff member who did it (absent: an event that predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class SessionPausedEvent extends SessionEvent {
  @IsISO8601()
  pausedAt!: string;

  /** Why the proctor paused (absent in events that predate reasons). */
  @IsOptional()
  @IsString()
  reason?: string;

  /** What the candidates are told on the pause screen. */
  @IsOptional()
  @IsString()
  message?: string;

  /** The staff member who did it (absent: the platform did, or the event predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class SessionResumedEvent extends SessionEvent {
  @IsISO8601()
  resumedAt!: string;

  /** The staff member who did it (absent: the platform did, or the event predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class SessionEndedEvent extends SessionEvent {
  @IsISO8601()
  endedAt!: string;

  /** The staff member who did it (absent: the platform did, or the event predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class SessionCancelledEvent extends SessionEvent {
  @IsISO8601()
  cancelledAt!: string;

  /** The staff member who did it (absent: the platform did, or the event predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class SessionStartedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsISO8601()
  startedAt!: string;

  /** The staff member who did it (absent: the platform did, or the event predates actors). */
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

/**
 * End Session was confirmed: every candidate still writing has until `graceEndsAt`, then every
 * attempt still open is submitted and `sessions.session.ended` follows.
 */
export class SessionEndingEvent extends SessionEvent {
  @IsISO8601()
  endingAt!: string;

  @IsISO8601()
  graceEndsAt!: string;

  /** Attempts still being written when the proctor ended the session. */
  @IsInt()
  @Min(0)
  stillWriting!: number;

  @IsOptional()
  @IsUUID()
  actorId?: string;
}
