import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsInt, IsNumber, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { EnrollmentMode, ParticipantStatus, SessionStatus, StartMode, TimeLimitMode } from './enums';
import { AnswerValue } from './sessions/answer-value';

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
}

export class SessionCreatedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsString()
  enrollmentCode!: string;

  @IsInt()
  questionCount!: number;

  /** Added with issue 3; optional so events stored before it still validate. */
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
}

export class SessionResumedEvent extends SessionEvent {
  @IsISO8601()
  resumedAt!: string;
}

export class SessionEndedEvent extends SessionEvent {
  @IsISO8601()
  endedAt!: string;
}

export class SessionCancelledEvent extends SessionEvent {
  @IsISO8601()
  cancelledAt!: string;
}

export class SessionStartedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsISO8601()
  startedAt!: string;
}

export class ParticipantJoinedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  displayName!: string;

  @IsEnum(ParticipantStatus)
  status!: ParticipantStatus;
}

export class ParticipantStatusChangedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsEnum(ParticipantStatus)
  from!: ParticipantStatus;

  @IsEnum(ParticipantStatus)
  to!: ParticipantStatus;
}

export class AttemptProgressedEvent extends SessionEvent {
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
}

export class SubmittedAnswer {
  @IsUUID()
  questionId!: string;

  @ValidateNested()
  @Type(() => AnswerValue)
  answer!: AnswerValue;
}

export class AttemptSubmittedEvent extends SessionEvent {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  userId!: string;

  @IsUUID()
  assessmentVersionId!: string;

  @IsISO8601()
  submittedAt!: string;

  @ValidateNested({ each: true })
  @Type(() => SubmittedAnswer)
  answers!: SubmittedAnswer[];
}

export class ResultRecordedEvent extends SessionEvent {
  @IsUUID()
  resultId!: string;

  @IsUUID()
  userId!: string;

  @IsNumber()
  percent!: number;

  @IsBoolean()
  passed!: boolean;
}

export class CertificateIssuedEvent extends SessionEvent {
  @IsUUID()
  certificateId!: string;

  @IsUUID()
  userId!: string;
}

export class MessageSentEvent extends SessionEvent {
  @IsUUID()
  messageId!: string;

  @IsString()
  kind!: 'broadcast' | 'system';

  @IsString()
  senderName!: string;

  @IsString()
  body!: string;

  @IsISO8601()
  sentAt!: string;

  /** Set for a private message; absent for a broadcast. */
  @IsOptional()
  @IsUUID()
  toUserId?: string;
}

export class LiveParticipantUpdatedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  displayName!: string;

  @IsEnum(ParticipantStatus)
  status!: ParticipantStatus;

  @IsInt()
  answeredCount!: number;

  @IsInt()
  totalQuestions!: number;

  @IsOptional()
  @IsNumber()
  scorePercent!: number | null;

  @IsISO8601()
  lastActivityAt!: string;
}

/** The proctor put a user on a session's roster (status Invited). */
export class ParticipantAddedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  displayName!: string;

  @IsEnum(ParticipantStatus)
  status!: ParticipantStatus;

  @IsOptional()
  @IsInt()
  timeLimitMinutes!: number | null;

  @IsOptional()
  @IsNumber()
  timeLimitMultiplier!: number | null;

  @IsBoolean()
  invitationRequested!: boolean;
}

/** The proctor took a participant off the roster (only while Invited or Waiting). */
export class ParticipantRemovedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;
}

export class ParticipantTimeLimitChangedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsOptional()
  @IsInt()
  timeLimitMinutes!: number | null;

  @IsOptional()
  @IsNumber()
  timeLimitMultiplier!: number | null;
}
