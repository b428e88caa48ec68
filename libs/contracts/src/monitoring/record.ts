import { Transform } from 'class-transformer';
import { IsArray, IsEnum, IsIn, IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OrgScopedRequest } from '../scoped';

/** What a session record entry is about. Stored in the record: add values, never rename. */
export enum RecordKind {
  SessionCreated = 'session_created',
  SessionRescheduled = 'session_rescheduled',
  SessionStarted = 'session_started',
  SessionPaused = 'session_paused',
  SessionResumed = 'session_resumed',
  SessionEnded = 'session_ended',
  SessionEnding = 'session_ending',
  SessionCancelled = 'session_cancelled',
  ParticipantAdded = 'participant_added',
  ParticipantRemoved = 'participant_removed',
  ParticipantJoined = 'participant_joined',
  StatusChanged = 'status_changed',
  TimeLimitChanged = 'time_limit_changed',
  IdentitySubmitted = 'identity_submitted',
  IdentityDecided = 'identity_decided',
  AttemptPaused = 'attempt_paused',
  AttemptResumed = 'attempt_resumed',
  AttemptExtended = 'attempt_extended',
  AttemptDisconnected = 'attempt_disconnected',
  AttemptReconnected = 'attempt_reconnected',
  AttemptSubmitted = 'attempt_submitted',
  AlertRaised = 'alert_raised',
  MessageSent = 'message_sent',
  ResultRecorded = 'result_recorded',
  AttemptReopened = 'attempt_reopened',
  TimeCredited = 'time_credited',
  ViewReleased = 'view_released',
  IncidentFiled = 'incident_filed',
  PrivateMessageSent = 'private_message_sent',
  MessageReceipt = 'message_receipt',
  HandRaised = 'hand_raised',
  ReviewIdentitiesRevealed = 'review_identities_revealed',
  ResultsReleased = 'results_released',
}

/**
 * Who did it: a staff member (their id when the event names it), the candidate themselves, the
 * platform (a scheduled start, an alert) or a candidate's deadline.
 */
export type RecordActorType = 'staff' | 'candidate' | 'system' | 'deadline';

export interface RecordActor {
  type: RecordActorType;
  userId: string | null;
  role: string | null;
}

/** What ended an attempt, as the record states it. */
export type SubmissionEndedBy = 'candidate' | 'deadline' | 'session_end' | 'proctor';

/** A detail value the record keeps: plain JSON, so its hash can be recomputed from the stored row. */
export type RecordDetailValue =
  string | number | boolean | null | RecordDetailValue[] | { [k: string]: RecordDetailValue };
export type RecordDetail = { [k: string]: RecordDetailValue };

export interface RecordEntryView {
  sessionId: string;
  seq: number;
  at: string;
  kind: RecordKind;
  /** The candidate it concerns; null for a session-wide entry. */
  userId: string | null;
  actor: RecordActor;
  detail: RecordDetail;
  prevHash: string;
  hash: string;
}

export interface RecordPage {
  entries: RecordEntryView[];
  /** Pass as `afterSeq` for the next page; null on the last page. */
  nextCursor: number | null;
  /** Entries matching the filters, across all pages. */
  total: number;
}

export const RECORD_PAGE_MAX = 500;

/** Entries in one part of an export: well under NATS's 1 MB message limit. */
export const RECORD_EXPORT_PART_MAX = 1000;

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value;

/** Filters and paging of a session's record; the same fields arrive as HTTP query parameters. */
export class RecordQuery {
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsEnum(RecordKind, { each: true, message: `kind must be one of: ${Object.values(RecordKind).join(', ')}` })
  kind?: RecordKind[];

  /** Entries about this candidate (session-wide entries are left out). */
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 timestamp' })
  from?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 timestamp' })
  to?: string;

  /** The page starts after this sequence number (the previous page's `nextCursor`). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'afterSeq must be a whole number' })
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(RECORD_PAGE_MAX, { message: `limit must be at most ${RECORD_PAGE_MAX}` })
  limit?: number;
}

export class ListRecordRequest extends RecordQuery {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;

  /** A candidate's own part: entries about this user and the session-wide ones, nothing else. */
  @IsOptional()
  @IsUUID()
  candidateId?: string;
}

export class VerifyRecordRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export const RecordExportFormats = ['json', 'csv'] as const;
export type RecordExportFormat = (typeof RecordExportFormats)[number];

/** Query of GET /api/sessions/:id/record/export (no format: JSON). */
export class RecordExportQuery {
  @IsOptional()
  @IsIn(RecordExportFormats, { message: 'format must be json or csv' })
  format?: RecordExportFormat;
}

/**
 * One part of the export: a whole record may not fit in one NATS message, so the file is the
 * concatenation of each part's `content`, asked for with the previous part's `nextCursor`.
 */
export class ExportRecordRequest extends VerifyRecordRequest {
  @IsIn(RecordExportFormats, { message: 'format must be json or csv' })
  format!: RecordExportFormat;

  @IsOptional()
  @IsInt()
  @Min(0)
  afterSeq?: number;

  /** Entries per part (default and most: RECORD_EXPORT_PART_MAX). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(RECORD_EXPORT_PART_MAX)
  limit?: number;
}

export interface RecordBreak {
  seq: number;
  /** What the hash should be, recomputed from the stored entry and its predecessor. */
  expectedHash: string;
  storedHash: string | null;
  reason: string;
}

export interface RecordVerification {
  sessionId: string;
  intact: boolean;
  entryCount: number;
  /** The first entry that does not verify; null when the chain is intact. */
  brokenAt: RecordBreak | null;
}

export interface RecordExportFile {
  contentType: string;
  fileName: string;
  /** This part of the file; append the parts in order. */
  content: string;
  /** Ask again with this as `afterSeq` for the next part; null: this was the last one. */
  nextCursor: number | null;
}
