import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OrgScopedRequest } from '../scoped';

/** Suspicious-activity signals the exam view (or the sessions service) reports. */
export enum SignalKind {
  FullscreenExited = 'fullscreen_exited',
  TabHidden = 'tab_hidden',
  WindowBlurred = 'window_blurred',
  CopyAttempted = 'copy_attempted',
  CutAttempted = 'cut_attempted',
  PasteAttempted = 'paste_attempted',
  ContextMenu = 'context_menu',
  PrintAttempted = 'print_attempted',
  DevtoolsOpened = 'devtools_opened',
  MultipleScreens = 'multiple_screens',
  ScreenShareStopped = 'screen_share_stopped',
  ViewTakenOver = 'view_taken_over',
}

/** Body of POST /api/sessions/:sessionId/signals (candidate). */
export class RecordSignalBody {
  @IsEnum(SignalKind, { message: `kind must be one of: ${Object.values(SignalKind).join(', ')}` })
  kind!: SignalKind;

  /** When the page saw it (the browser's clock; the server also records when it arrived). */
  @IsISO8601({}, { message: 'occurredAt must be an ISO 8601 timestamp' })
  occurredAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'detail must be at most 500 characters' })
  detail?: string;
}

export class RecordSignalRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  @IsEnum(SignalKind)
  kind!: SignalKind;

  @IsISO8601()
  occurredAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  detail?: string;
}

export class ListSignalsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export interface SignalView {
  id: string;
  sessionId: string;
  userId: string;
  kind: SignalKind;
  occurredAt: string;
  receivedAt: string;
  detail: string | null;
}

/** Largest snapshot accepted, as a data URL (a low-resolution JPEG is far smaller). */
export const maxSnapshotDataUrlLength = 400_000;
export const snapshotDataUrlPattern = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

/** Body of POST /api/sessions/:sessionId/snapshots (candidate). */
export class StoreSnapshotBody {
  @IsString()
  @MaxLength(maxSnapshotDataUrlLength, {
    message: `image must be at most ${maxSnapshotDataUrlLength} characters; send a smaller, low-resolution JPEG`,
  })
  @Matches(snapshotDataUrlPattern, {
    message: 'image must be a data URL of a JPEG, PNG or WebP image (data:image/jpeg;base64,...)',
  })
  image!: string;

  @IsISO8601({}, { message: 'capturedAt must be an ISO 8601 timestamp' })
  capturedAt!: string;
}

export class StoreSnapshotRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  @MaxLength(maxSnapshotDataUrlLength)
  @Matches(snapshotDataUrlPattern)
  image!: string;

  @IsISO8601()
  capturedAt!: string;
}

export class ListSnapshotsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class GetSnapshotRequest extends OrgScopedRequest {
  @IsUUID()
  snapshotId!: string;

  /** When given, a snapshot of another session is not found (the gateway's route names the session). */
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

export interface SnapshotView {
  id: string;
  sessionId: string;
  userId: string;
  capturedAt: string;
  receivedAt: string;
  bytes: number;
}

export interface SnapshotFile {
  contentType: string;
  base64: string;
}
