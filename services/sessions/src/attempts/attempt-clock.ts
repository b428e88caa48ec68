import type { ClockInput, StoredClock } from '@invigil/domain';
import { deadlineAt, pausedClock, remainingMs, remainingSeconds, resumedClock } from '@invigil/domain';
import type { Attempt } from './attempt.entity';

type ClockFields = Pick<
  Attempt,
  'timeLimitMs' | 'extensionsMs' | 'creditedMs' | 'startedAt' | 'pausedMs' | 'pausedSince'
>;

/** The stored terms of one attempt's clock (ARCHITECTURE.md "The clock"). */
export function storedClock(attempt: ClockFields): StoredClock {
  return {
    timeLimitMs: Number(attempt.timeLimitMs),
    extensionsMs: Number(attempt.extensionsMs),
    creditedMs: Number(attempt.creditedMs),
    startedAt: attempt.startedAt,
    pausedMs: Number(attempt.pausedMs),
    pausedSince: attempt.pausedSince,
  };
}

export function attemptClock(attempt: ClockFields, now: Date): ClockInput {
  return { ...storedClock(attempt), now };
}

export function attemptRemainingMs(attempt: ClockFields, now: Date): number {
  return remainingMs(attemptClock(attempt, now));
}

export function attemptRemainingSeconds(attempt: ClockFields, now: Date): number {
  return remainingSeconds(attemptClock(attempt, now));
}

/** When the attempt is submitted automatically: the deadline plus the session's grace; null while paused. */
export function autoSubmitAt(attempt: ClockFields, gracePeriodSeconds: number): Date | null {
  const deadline = deadlineAt(storedClock(attempt));
  return deadline ? new Date(deadline.getTime() + gracePeriodSeconds * 1000) : null;
}

/** Stops the clock (idempotent: a second pause keeps the first start). */
export function stopClock(attempt: Attempt, now: Date): void {
  Object.assign(attempt, pausedClock(storedClock(attempt), now));
}

/** Restarts the clock, counting the pause as paused time; the deadline moves, so its version does too. */
export function restartClock(attempt: Attempt, now: Date): void {
  if (!attempt.pausedSince) return;
  Object.assign(attempt, resumedClock(storedClock(attempt), now));
  attempt.deadlineVersion += 1;
}
