import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsInt, IsNumber, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ParticipantStatus } from './enums';

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

export class SessionCreatedEvent extends SessionEvent {
  @IsString()
  name!: string;

  @IsString()
  enrollmentCode!: string;

  @IsInt()
  questionCount!: number;
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

  @IsInt()
  selectedOption!: number;
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
