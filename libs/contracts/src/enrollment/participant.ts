import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ParticipantStatus } from '../enums';
import { OrgScopedRequest } from '../scoped';

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

export interface ParticipantView {
  id: string;
  orgId: string;
  sessionId: string;
  userId: string;
  displayName: string;
  email: string;
  status: ParticipantStatus;
  joinedAt: string | null;
  updatedAt: string;
}
