import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@invigil/contracts';
import { certificateAfterRescore } from '@invigil/domain';
import { awardCertificate } from '../certificates/certificate-award';
import { Certificate } from '../certificates/certificate.entity';
import type { Result } from '../results/result.entity';

const REVOKED_AFTER_REVIEW = 'This certificate was revoked: a reviewer changed a mark and the result no longer passes.';

/**
 * After a reviewer's mark: a result that now passes earns its certificate (issued today), one whose score
 * changed is rendered again, one that no longer passes loses it. Returns the certificate to render, if any.
 */
export async function settleCertificateAfterReview(
  em: EntityManager,
  result: Result,
  percentBefore: number,
): Promise<Certificate | null> {
  const certificate = await em.findOne(Certificate, { resultId: result.id });
  const action = certificateAfterRescore(result.passed, certificate !== null);
  if (action === 'award') return awardCertificate(em, { ...result, scoredAt: new Date() });
  if (!certificate || action === 'none') return null;
  if (action === 'revoke') {
    Object.assign(certificate, {
      status: CertificateStatus.Revoked,
      revokedAt: new Date(),
      revokedReason: REVOKED_AFTER_REVIEW,
    });
    return null;
  }
  if (certificate.status !== CertificateStatus.Revoked && result.percent === percentBefore) return null;
  // A new date gives the rendering a job of its own (the job id holds it), and the PDF the date it was decided.
  Object.assign(certificate, {
    status: CertificateStatus.Pending,
    issuedAt: new Date(),
    revokedAt: null,
    revokedReason: null,
  });
  return certificate;
}
