import type { IdentityCheckView } from '@invigil/contracts';
import { IdentityStatus } from '@invigil/contracts';

const labels: Record<IdentityStatus, string> = {
  [IdentityStatus.NotRequired]: 'Not required',
  [IdentityStatus.Missing]: 'No photos yet',
  [IdentityStatus.Submitted]: 'Waiting for your decision',
  [IdentityStatus.Approved]: 'Approved',
  [IdentityStatus.Rejected]: 'Rejected',
};

export function identityStatusLabel(status: IdentityStatus): string {
  return labels[status] ?? status;
}

/** What needs the proctor comes first: photos waiting for a decision, oldest first; then the rest by name. */
const order: Record<IdentityStatus, number> = {
  [IdentityStatus.Submitted]: 0,
  [IdentityStatus.Rejected]: 1,
  [IdentityStatus.Missing]: 2,
  [IdentityStatus.Approved]: 3,
  [IdentityStatus.NotRequired]: 4,
};

export function sortIdentityChecks(checks: readonly IdentityCheckView[]): IdentityCheckView[] {
  return [...checks].sort(
    (a, b) =>
      (order[a.status] ?? 9) - (order[b.status] ?? 9) ||
      (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
      a.displayName.localeCompare(b.displayName),
  );
}
