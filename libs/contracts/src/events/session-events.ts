import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
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
}

export class SessionPausedEvent extends SessionEvent {
  @IsISO8601()
  pausedAt!: string;

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
