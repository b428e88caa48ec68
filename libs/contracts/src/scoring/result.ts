import { IsOptional, IsUUID } from 'class-validator';
import { CertificateStatus } from '../enums';
import { OrgScopedRequest } from '../scoped';

export class GetMyResultRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  sessionId!: string;
}

/** The holder's own certificate (`userId` set) or, for staff of the organization, any (`userId` absent). */
export class GetCertificateRequest extends OrgScopedRequest {
  @IsOptional()
  @IsUUID()
  userId?: string;

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
  /** False while essays await review, whatever the percentage. */
  passed: boolean;
  /** Points of essays not marked yet (0 for an assessment without essays). */
  pendingReview: number;
  /** True while essays await manual review: score and percent are provisional. */
  awaitingReview: boolean;
  /** How many answers await a reviewer (see `provisionalResultText` in the domain library). */
  answersAwaitingReview: number;
  scoredAt: string;
  /** `verificationCode`: the code of its current credential, once issued (null while pending). */
  certificate: { id: string; status: CertificateStatus; verificationCode: string | null } | null;
}

export interface CertificateFile {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}
