import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';

export enum IdentityStatus {
  /** The session does not verify identity. */
  NotRequired = 'not_required',
  /** Photos not sent yet. */
  Missing = 'missing',
  Submitted = 'submitted',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** Per photo, as a data URL: both travel in one NATS message (1 MiB by default); a webcam JPEG is far smaller. */
export const maxIdentityPhotoLength = 450_000;
export const photoDataUrlPattern = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

/** Body of POST /api/sessions/:sessionId/identity (candidate): a webcam photo and a photo of an ID. */
export class SubmitIdentityBody {
  @IsString()
  @MaxLength(maxIdentityPhotoLength, {
    message: `facePhoto must be at most ${maxIdentityPhotoLength} characters; send a smaller JPEG`,
  })
  @Matches(photoDataUrlPattern, { message: 'facePhoto must be a data URL of a JPEG, PNG or WebP image' })
  facePhoto!: string;

  @IsString()
  @MaxLength(maxIdentityPhotoLength, {
    message: `idPhoto must be at most ${maxIdentityPhotoLength} characters; send a smaller JPEG`,
  })
  @Matches(photoDataUrlPattern, { message: 'idPhoto must be a data URL of a JPEG, PNG or WebP image' })
  idPhoto!: string;
}

export class SubmitIdentityRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  @MaxLength(maxIdentityPhotoLength)
  @Matches(photoDataUrlPattern)
  facePhoto!: string;

  @IsString()
  @MaxLength(maxIdentityPhotoLength)
  @Matches(photoDataUrlPattern)
  idPhoto!: string;
}

/** Body of POST /api/sessions/:sessionId/identity/:userId/decision (proctor). */
export class DecideIdentityBody {
  @IsBoolean({ message: 'approved must be true or false' })
  approved!: boolean;

  /** Required when rejecting: the candidate reads it and may send new photos. */
  @ValidateIf((body: DecideIdentityBody) => body.approved === false)
  @IsString({ message: 'reason is required when rejecting' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  @Matches(/\S/, { message: 'reason is required when rejecting' })
  reason?: string;
}

export class DecideIdentityRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  @IsBoolean()
  approved!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListIdentityChecksRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  /** Only this user's check (the candidate's own view); absent: every participant of the session. */
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class GetIdentityPhotoRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  userId!: string;

  @Matches(/^(face|id)$/, { message: "photo must be 'face' or 'id'" })
  photo!: 'face' | 'id';
}

export interface IdentityCheckView {
  sessionId: string;
  userId: string;
  participantId: string;
  displayName: string;
  status: IdentityStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  /** The proctor (or admin) who decided. */
  decidedBy: string | null;
  reason: string | null;
}

export interface IdentityPhotoFile {
  contentType: string;
  base64: string;
}
