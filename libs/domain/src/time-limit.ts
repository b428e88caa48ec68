import { TimeLimitMode } from '@invigil/contracts';

/** A participant's own time limit as stored on the roster: minutes, a multiplier of the session's duration, or neither. */
export interface IndividualTimeLimit {
  timeLimitMinutes?: number | null;
  timeLimitMultiplier?: number | null;
}

/**
 * A participant's time limit in milliseconds: their own (minutes, or a multiple of the session's
 * duration) when the session uses individual limits, else the session's duration.
 *
 * One rounding rule, used by the clock, the emails, the roster and the docs: a multiplied limit is
 * rounded *up* to the whole second, so an accommodation never gives less than it promises
 * (45 min × 1.5 = 67 min 30 s; 50 min × 1.33 = 66 min 30 s).
 */
export function individualTimeLimitMs(
  durationMinutes: number,
  individualLimits: boolean,
  participant: IndividualTimeLimit,
): number {
  const sessionWide = durationMinutes * 60_000;
  if (!individualLimits) return sessionWide;
  if (participant.timeLimitMinutes) return participant.timeLimitMinutes * 60_000;
  if (participant.timeLimitMultiplier)
    return Math.ceil(durationMinutes * 60 * participant.timeLimitMultiplier - 1e-9) * 1000;
  return sessionWide;
}

/** The same limit in whole seconds, for display with `formatDuration`. */
export function individualTimeLimitSeconds(
  durationMinutes: number,
  individualLimits: boolean,
  participant: IndividualTimeLimit,
): number {
  return Math.round(individualTimeLimitMs(durationMinutes, individualLimits, participant) / 1000);
}

/** The parts of a session its time limits depend on. */
export interface TimedSession {
  durationMinutes: number;
  timeLimitMode: TimeLimitMode;
}

/** Individual limits apply only in the individual mode; session-wide, everyone has the session's duration. */
export function usesIndividualLimits(session: Pick<TimedSession, 'timeLimitMode'>): boolean {
  return session.timeLimitMode === TimeLimitMode.Individual;
}

/** The limit the participant's clock will run, in milliseconds, for the session's time-limit mode. */
export function participantTimeLimitMs(session: TimedSession, participant: IndividualTimeLimit): number {
  return individualTimeLimitMs(session.durationMinutes, usesIndividualLimits(session), participant);
}

/**
 * The participant's own limit in seconds when it applies to them (individual mode and a limit set),
 * else null: their clock runs the session's duration.
 */
export function ownTimeLimitSeconds(session: TimedSession, participant: IndividualTimeLimit): number | null {
  const own = participant.timeLimitMinutes != null || participant.timeLimitMultiplier != null;
  if (!own || !usesIndividualLimits(session)) return null;
  return individualTimeLimitSeconds(session.durationMinutes, true, participant);
}
