import {
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
} from 'class-validator';
import { ParticipantStatus, Role } from '../enums';
import type { AlertCounts } from '../monitoring/live';
import type { MessageKind, MessageReceiptKind, MessageSenderRole } from '../messaging/message';
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

  /** Answers still awaiting a reviewer: above zero, percent is provisional (absent in older events). */
  @IsOptional()
  @IsInt()
  answersAwaitingReview?: number;
}

/** An admin showed the reviewers of a session who wrote each answer (they saw pseudonyms until then). */
export class ReviewIdentitiesRevealedEvent extends SessionEvent {
  @IsUUID()
  actorId!: string;

  @IsISO8601()
  at!: string;
}

/** A session's results reached its candidates (the proctor's Release, or `after_reviews` once the last mark was in). */
export class ResultsReleasedEvent extends SessionEvent {
  /** Who released; null when the policy released by itself. */
  @IsOptional()
  @IsUUID()
  actorId!: string | null;

  @IsISO8601()
  at!: string;

  @IsInt()
  results!: number;

  @IsInt()
  passed!: number;
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

  @IsIn(['broadcast', 'private', 'system'])
  kind!: MessageKind;

  /** The writer (absent for system messages and in events from before private chat). */
  @IsOptional()
  @IsUUID()
  senderId?: string;

  @IsOptional()
  @IsIn(['staff', 'candidate', 'system'])
  senderRole?: MessageSenderRole;

  @IsString()
  senderName!: string;

  @IsString()
  body!: string;

  @IsISO8601()
  sentAt!: string;

  /** Set for a private message: the candidate whose thread it belongs to (recipient or writer). */
  @IsOptional()
  @IsUUID()
  toUserId?: string;

  /** A broadcast to a chosen subset names its recipients; absent means everyone in the session. */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];
}

/** One recipient received (delivered) or opened (read) one message; the sender's side shows it. */
export class MessageReceiptEvent extends SessionEvent {
  @IsUUID()
  messageId!: string;

  @IsUUID()
  userId!: string;

  @IsIn(['delivered', 'read'])
  receipt!: MessageReceiptKind;

  @IsISO8601()
  at!: string;

  /** Which side the reader is on: a candidate, or one of the session's staff (reading a candidate's message). */
  @IsOptional()
  @IsIn(['staff', 'candidate'])
  readerSide?: 'staff' | 'candidate';

  /** A private message's thread: the candidate it belongs to (so their pages see staff reading it). */
  @IsOptional()
  @IsUUID()
  toUserId?: string;
}

/** A candidate raised or lowered their hand to ask the proctor for help. */
export class HandRaisedEvent extends SessionEvent {
  @IsUUID()
  userId!: string;

  @IsBoolean()
  raised!: boolean;

  @IsISO8601()
  at!: string;

  /** Set when a staff member lowered the hand (after helping); absent when the candidate did it. */
  @IsOptional()
  @IsUUID()
  actorId?: string;
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

  /**
   * The dashboard's fields (see LiveParticipantView; absent from older monitoring versions). The event
   * is the read model's row delta: the whole row of one candidate, so no client re-fetches it.
   */
  @IsOptional()
  @IsBoolean()
  connected?: boolean;

  @IsOptional()
  @IsISO8601()
  lastSeenAt?: string | null;

  @IsOptional()
  @IsInt()
  flaggedCount?: number;

  @IsOptional()
  @IsObject()
  alerts?: AlertCounts;

  @IsOptional()
  @IsInt()
  unreadMessages?: number;

  @IsOptional()
  @IsBoolean()
  handRaised?: boolean;

  @IsOptional()
  @IsInt()
  extensionMinutes?: number;

  @IsOptional()
  @IsInt()
  creditedSeconds?: number;

  /** True when the candidate left the roster: the dashboard drops the row. */
  @IsOptional()
  @IsBoolean()
  removed?: boolean;
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

  /** The decider's role (absent in older events). */
  @IsOptional()
  @IsIn([Role.Proctor, Role.Admin])
  actorRole?: Role.Proctor | Role.Admin;

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
