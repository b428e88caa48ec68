import { IsBoolean, IsEnum, IsISO8601, IsInt, IsNumber, IsOptional, IsString, IsUUID } from 'class-validator';
import { ParticipantStatus } from '../enums';
import { SessionEvent } from './session-events';

/** Results, certificates, messages and the live dashboard rows. */
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

  /** Alerts raised for this participant so far (absent in events from before alerts existed). */
  @IsOptional()
  @IsInt()
  alertCount?: number;
}

/** A candidate sent identity photos: the proctor has a decision to make. */
export class IdentitySubmittedEvent extends SessionEvent {
  @IsUUID()
  userId!: string;

  @IsUUID()
  participantId!: string;
}

export class IdentityDecidedEvent extends SessionEvent {
  @IsUUID()
  userId!: string;

  @IsUUID()
  participantId!: string;

  @IsBoolean()
  approved!: boolean;

  @IsUUID()
  decidedBy!: string;

  @IsOptional()
  @IsString()
  reason!: string | null;
}

/** Monitoring raised an alert for a suspicious-activity signal: pushed to the session's proctors. */
export class AlertRaisedEvent extends SessionEvent {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  kind!: string;

  @IsISO8601()
  occurredAt!: string;

  @IsOptional()
  @IsString()
  detail!: string | null;
}

export class SnapshotStoredEvent extends SessionEvent {
  @IsUUID()
  snapshotId!: string;

  @IsUUID()
  userId!: string;

  @IsISO8601()
  capturedAt!: string;
}
