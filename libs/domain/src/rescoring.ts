/** What scoring remembers of the result it holds for an attempt. */
export interface HeldScore {
  /** When the scored submission was made. */
  submittedAt: Date;
}

/**
 * Whether a submission replaces the score already held for its attempt. An attempt is submitted a
 * second time only after a proctor reopened it, so the later submission wins. A redelivered or
 * duplicated event of the scored submission carries the same time and changes nothing, and an older
 * one arriving late (after its successor was scored) is ignored. The rule does not need the reopening
 * event to have been seen first, so events may arrive in any order.
 */
export function submissionReplacesScore(held: HeldScore, submittedAt: Date): boolean {
  return submittedAt.getTime() > held.submittedAt.getTime();
}

/**
 * Whether a reopening withdraws the score held: only one made after the scored submission (a late
 * redelivery of an earlier reopening, after the new submission was scored, does not).
 */
export function reopeningWithdrawsScore(held: HeldScore, reopenedAt: Date): boolean {
  return reopenedAt.getTime() > held.submittedAt.getTime();
}

/** What happens to the certificate of a result that was scored again. */
export type CertificateAfterRescore = 'award' | 'reissue' | 'revoke' | 'none';

/**
 * A pass earns a certificate (a new one, or the old one re-rendered with the new score); a result that
 * no longer passes loses the certificate it had.
 */
export function certificateAfterRescore(passedNow: boolean, hadCertificate: boolean): CertificateAfterRescore {
  if (passedNow) return hadCertificate ? 'reissue' : 'award';
  return hadCertificate ? 'revoke' : 'none';
}
