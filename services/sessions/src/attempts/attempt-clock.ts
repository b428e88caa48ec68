import { ClockInput } from '@invigil/domain';

/**
 * The clock of one attempt today: the session's duration from the moment the candidate opened
 * it. Extensions, credited time and pauses arrive with their features; until then they are zero.
 */
export function attemptClock(attempt: { startedAt: Date }, session: { durationMinutes: number }, now: Date): ClockInput {
  return {
    timeLimitMs: session.durationMinutes * 60_000,
    extensionsMs: 0,
    creditedMs: 0,
    startedAt: attempt.startedAt,
    pausedMs: 0,
    pausedSince: null,
    now,
  };
}
