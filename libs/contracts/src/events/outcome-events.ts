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
}
