import type { CertificateVerificationView } from '@invigil/contracts';
import type { Revocation } from './credential-status';
import type { IssuedCredential } from './issued-credential.entity';

/** The public facts of a credential: what the certificate prints, and its status. Nothing else. */
export function verificationViewOf(
  credential: IssuedCredential,
  revocation: Revocation | null,
): CertificateVerificationView {
  return {
    code: credential.verificationCode,
    holderName: credential.holderName,
    organizationName: credential.organizationName,
    assessmentTitle: credential.assessmentTitle,
    issuedAt: credential.issuedAt.toISOString(),
    percent: credential.percent,
    passed: credential.passed,
    status: revocation ? 'revoked' : 'valid',
    revokedAt: revocation ? revocation.at.toISOString() : null,
    revokedReason: revocation ? revocation.reason : null,
  };
}
