import { ParticipantStatus } from '@invigil/contracts';

/**
 * Events from different services can arrive in any order. A status reported at `at` replaces
 * the current one only if it is newer; Complete is final, whatever arrives after it.
 */
export function statusApplies(
  current: ParticipantStatus | null,
  currentAt: Date | null,
  next: ParticipantStatus,
  at: Date,
): boolean {
  if (current === ParticipantStatus.Complete || current === next) return false;
  if (next === ParticipantStatus.Complete) return true;
  return currentAt === null || at.getTime() >= currentAt.getTime();
}

/** Progress reported at `at` replaces the current counts only if it is not older than them. */
export function progressApplies(currentAt: Date | null, at: Date): boolean {
  return currentAt === null || at.getTime() >= currentAt.getTime();
}

/**
 * Whether a change of the answered count from `before` to `after` is worth a line in the activity
 * feed: the first answer, reaching half of the questions, and answering all of them. Every other
 * save only updates the count (a feed row per saved answer would bury what matters).
 */
export function progressIsMilestone(before: number, after: number, total: number): boolean {
  if (after <= before) return false;
  if (before === 0) return true;
  const half = Math.ceil(total / 2);
  return (before < half && after >= half) || (total > 0 && after >= total);
}
