import { IdentityStatus } from '@invigil/contracts';

const S = IdentityStatus;

/** A participant's identity status as every view shows it: the stored check, or why there is none. */
export function identityStatusOf(sessionVerifiesIdentity: boolean, stored: IdentityStatus | null): IdentityStatus {
  if (!sessionVerifiesIdentity) return S.NotRequired;
  return stored ?? S.Missing;
}

/** Whether an attempt may open: only approved candidates start a session that verifies identity. */
export function identityAllowsStart(status: IdentityStatus): boolean {
  return status === S.NotRequired || status === S.Approved;
}

/**
 * Why new photos are refused, or null. A first submission, a replacement while the proctor has not
 * decided yet, and new photos after a rejection are accepted; an approval is final.
 */
export function identitySubmissionRefusal(current: IdentityStatus | null): string | null {
  if (current === S.Approved) return 'Your identity has already been approved; the photos can no longer be replaced.';
  return null;
}

/** Why a proctor's decision is refused, or null: only photos waiting for a decision can be decided. */
export function identityDecisionRefusal(current: IdentityStatus | null, displayName: string): string | null {
  if (current === null || current === S.Missing || current === S.NotRequired) {
    return `${displayName} has not sent identity photos yet; there is nothing to decide.`;
  }
  if (current === S.Approved) return `${displayName}'s identity has already been approved.`;
  if (current === S.Rejected)
    return `${displayName}'s photos were already rejected; wait for new photos before deciding again.`;
  return null;
}
