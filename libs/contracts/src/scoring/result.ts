import { IsUUID } from 'class-validator';
import { CertificateStatus } from '../enums';
import { OrgScopedRequest } from '../scoped';

export class GetMyResultRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  sessionId!: string;
}

export class GetCertificateRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  certificateId!: string;
}

export interface ResultView {
  id: string;
  sessionId: string;
  userId: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  scoredAt: string;
  certificate: { id: string; status: CertificateStatus } | null;
}

export interface CertificateFile {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}
