import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@invigil/contracts';
import { certificateAfterRescore } from '@invigil/domain';
import type { PassingResult } from './certificate-award';
import { awardCertificate } from './certificate-award';
import { Certificate } from './certificate.entity';

const REVOKED_BELOW_PASS =
  'This certificate was revoked: the attempt was reopened and its new submission did not reach the pass mark.';

/**
 * After a reopened attempt was scored again: a pass gets a certificate showing the new score (a new
 * one, or the old one rendered again), a fail loses the certificate it had. Returns the certificate to
 * render once the transaction commits, if any.
 */
export async function settleCertificateAfterRescore(
  em: EntityManager,
  result: PassingResult & { passed: boolean },
): Promise<Certificate | null> {
  const certificate = await em.findOne(Certificate, { resultId: result.id });
  const action = certificateAfterRescore(result.passed, certificate !== null);
  if (action === 'award') return awardCertificate(em, result);
  if (!certificate || action === 'none') return null;
  if (action === 'revoke') {
    Object.assign(certificate, {
      status: CertificateStatus.Revoked,
      revokedAt: new Date(),
      revokedReason: REVOKED_BELOW_PASS,
    });
    return null;
  }
  Object.assign(certificate, {
    status: CertificateStatus.Pending,
    issuedAt: result.scoredAt,
    revokedAt: null,
    revokedReason: null,
  });
  return certificate;
}
