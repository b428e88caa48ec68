import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SessionStatus } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';

/** Body of POST /api/sessions. */
export class CreateSessionBody {
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsUUID('4', { message: 'assessmentId must be the id of one of your assessments' })
  assessmentId!: string;

  @IsInt()
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(1440, { message: 'durationMinutes must be at most 1440 (24 hours)' })
  durationMinutes!: number;

  /** Leave empty to have one generated. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,12}$/, { message: 'enrollmentCode must be 4 to 12 letters or digits' })
  enrollmentCode?: string;
}

export class CreateSessionRequest extends ActorScopedRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsUUID()
  assessmentId!: string;

  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes!: number;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,12}$/)
  enrollmentCode?: string;
}

export class ListSessionsRequest extends OrgScopedRequest {}

export class GetSessionRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export class ResolveEnrollmentCodeRequest extends OrgScopedRequest {
  @IsString()
  @MinLength(4)
  @MaxLength(16)
  code!: string;
}

export class StartSessionRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export interface SessionView {
  id: string;
  orgId: string;
  name: string;
  assessmentId: string;
  assessmentVersionId: string;
  assessmentTitle: string;
  proctorId: string;
  enrollmentCode: string;
  durationMinutes: number;
  status: SessionStatus;
  questionCount: number;
  startedAt: string | null;
  createdAt: string;
}
