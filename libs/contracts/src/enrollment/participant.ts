import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ParticipantStatus, Role } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';
import type { IdentityStatus } from './identity';
import { OneTimeLimitForm } from './time-limit-form';

/** Body of POST /api/enrollment/join. */
export class JoinWithCodeBody {
  @IsString()
  @MinLength(4, { message: 'code must have at least 4 characters' })
  @MaxLength(16, { message: 'code must have at most 16 characters' })
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'code may contain only letters, digits and dashes' })
  code!: string;
}

export class JoinWithCodeRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsString()
  @MinLength(4)
  @MaxLength(16)
  code!: string;
}

export class ListParticipantsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export class GetMyParticipationRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  sessionId!: string;
}

export class ListMyParticipationsRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;
}

export interface ParticipantView extends ParticipantRosterDetails {
  id: string;
  orgId: string;
  sessionId: string;
  userId: string;
  displayName: string;
  email: string;
  status: ParticipantStatus;
  joinedAt: string | null;
  updatedAt: string;
  /** Identity verification of this participant (not_required when the session does not verify). */
  identityStatus?: IdentityStatus;
  /** The session's name, on a candidate's own list (GET /api/me/participations) so they know which exam it is. */
  sessionName?: string;
}

/** A participant's own time limit: minutes, or a multiplier of the session's duration (e.g. 1.5), or neither. */
export interface ParticipantTimeLimit {
  /** Whole minutes; when set it is the limit. */
  timeLimitMinutes: number | null;
  /** Applies to the session's duration, rounded up to the whole second (1.5 × 45 min = 67 min 30 s). */
  timeLimitMultiplier: number | null;
}

/** Optional fields of ParticipantView (optional so producers that predate them stay valid). */
export interface ParticipantRosterDetails extends Partial<ParticipantTimeLimit> {
  /** When the proctor put the user on the roster (null: joined with the code). */
  invitedAt?: string | null;
  /** When an email invitation was last sent; null: none sent (the code was handed out). */
  invitationSentAt?: string | null;
}

export class TimeLimitFields {
  @IsOptional()
  @OneTimeLimitForm()
  @IsInt({ message: 'timeLimitMinutes must be a whole number of minutes' })
  @Min(1, { message: 'timeLimitMinutes must be at least 1' })
  @Max(1440, { message: 'timeLimitMinutes must be at most 1440 (24 hours)' })
  timeLimitMinutes?: number | null;

  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2 },
    { message: 'timeLimitMultiplier must be a number such as 1.5 (at most 2 decimals)' },
  )
  @Min(1, { message: 'timeLimitMultiplier must be at least 1' })
  @Max(5, { message: 'timeLimitMultiplier must be at most 5' })
  timeLimitMultiplier?: number | null;
}

export class AddParticipantEntry extends TimeLimitFields {
  @IsUUID('4', { message: 'userId must be the id of a user of your organization' })
  userId!: string;
}

/** Body of POST /api/sessions/:sessionId/participants. */
export class AddParticipantsBody {
  @IsArray()
  @ArrayMinSize(1, { message: 'select at least one user' })
  @ArrayMaxSize(500, { message: 'add at most 500 users at once (use the import for more)' })
  @ValidateNested({ each: true })
  @Type(() => AddParticipantEntry)
  entries!: AddParticipantEntry[];

  /** Send each added user an email invitation with a one-time sign-in link; false: hand out the code yourself. */
  @IsBoolean({ message: 'sendInvitation must be true or false' })
  sendInvitation!: boolean;
}

export class AddParticipantsRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AddParticipantEntry)
  entries!: AddParticipantEntry[];

  @IsBoolean()
  sendInvitation!: boolean;
}

export class ParticipantCommandRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  participantId!: string;
}

export class RemoveParticipantRequest extends ParticipantCommandRequest {}

/** Mails a fresh one-time link to someone on the roster who has not joined yet (an older link keeps working until it expires). */
export class ResendInvitationRequest extends ParticipantCommandRequest {}

/** Body of PUT /api/sessions/:sessionId/participants/:participantId/time-limit: both null clears it. */
export class UpdateTimeLimitBody extends TimeLimitFields {}

export class UpdateTimeLimitRequest extends ParticipantCommandRequest {
  @IsOptional()
  @OneTimeLimitForm()
  @IsInt()
  @Min(1)
  @Max(1440)
  timeLimitMinutes?: number | null;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(5)
  timeLimitMultiplier?: number | null;
}

export class SearchUsersRequest extends OrgScopedRequest {
  /** Part of a name or email, case-insensitive; empty lists everyone. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  /** Only users with one of these roles, e.g. the proctors and admins a session can be assigned to. */
  @IsOptional()
  @IsEnum(Role, { each: true, message: `role must be one of: ${Object.values(Role).join(', ')}` })
  roles?: Role[];

  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export interface UserSearchItem {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  timeZone: string;
}

export interface UserSearchPage {
  items: UserSearchItem[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Bulk import: the gateway stores the uploaded file in Redis under `uploadKey` (it is too big for
 * a NATS message) and names it here; the enrollment service reads, parses and validates it.
 */
export class ImportRosterRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @Matches(/^invigil:import:[0-9a-f-]{36}$/)
  uploadKey!: string;

  @IsString()
  @MaxLength(255)
  fileName!: string;
}

export class CommitImportRequest extends ImportRosterRequest {
  @IsBoolean()
  sendInvitation!: boolean;
}

export interface ImportIssueView {
  /** 1-based row as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportPreview {
  uploadKey: string;
  /** Names the upload in POST /api/sessions/:sessionId/import/:uploadId/commit. */
  uploadId: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  /** Valid rows whose email has no account yet: they become candidates of the organization. */
  newAccounts: number;
  issues: ImportIssueView[];
  /** The first valid rows, to show in the preview table. */
  sample: {
    row: number;
    email: string;
    displayName: string;
    timeLimitMinutes: number | null;
    timeLimitMultiplier: number | null;
    newAccount: boolean;
  }[];
}

export interface ImportResult {
  added: number;
  createdAccounts: number;
  skipped: number;
  issues: ImportIssueView[];
}

/** Redis key the gateway stores an upload under; the enrollment service reads it. */
export const importUploadKey = (id: string) => `invigil:import:${id}`;
export const IMPORT_UPLOAD_TTL_SECONDS = 3600;
/** Largest import file; the gateway stops reading an upload past it. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Columns of the import template, in the template's order (uploads may use any order). */
export const IMPORT_TEMPLATE_COLUMNS = ['email', 'displayName', 'timeLimitMinutes', 'timeLimitMultiplier'] as const;

/** Body of POST /api/sessions/:sessionId/import/:uploadId/commit. */
export class CommitImportBody {
  @IsBoolean({ message: 'sendInvitation must be true or false' })
  sendInvitation!: boolean;
}
