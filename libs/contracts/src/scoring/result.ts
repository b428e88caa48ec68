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

/** One question of a result, as far as the session's release shows it (null fields are not shown). */
export interface ResultQuestionView {
  questionId: string;
  number: number;
  points: number;
  maxPoints: number;
  /** Null while an essay awaits its mark, or when correctness is not shown. */
  correct: boolean | null;
  correctAnswer: string | null;
  feedback: string | null;
}

/**
 * The candidate's own result. Until the session's results are released (`released: false`) the score,
 * percent and outcome are null; once released, each is null when the session's visibility hides it.
 */
export interface ResultView {
  id: string;
  sessionId: string;
  userId: string;
  released: boolean;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  /** False while essays await review, whatever the percentage; null when not shown. */
  passed: boolean | null;
  /** Points of essays not marked yet (0 for an assessment without essays). */
  pendingReview: number;
  /** True while essays await manual review: score and percent are provisional. */
  awaitingReview: boolean;
  /** How many answers await a reviewer (see `provisionalResultText` in the domain library). */
  answersAwaitingReview: number;
  scoredAt: string;
  /** `verificationCode`: the code of its current credential, once issued (null while pending). */
  certificate: { id: string; status: CertificateStatus; verificationCode: string | null } | null;
  /** Per question, when the release shows correctness, the key or feedback; else null. */
  questions: ResultQuestionView[] | null;
}

export interface CertificateFile {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}
