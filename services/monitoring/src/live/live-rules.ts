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
