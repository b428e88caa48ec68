import type { SessionStatus } from '@invigil/contracts';
import { finishedSessionMessage, sessionIsRunning } from './session-lifecycle';

/**
 * The guide's emergency procedures for a whole session: pause with a reason, reschedule a running
 * session, and End Session with a grace period. Each rule returns the refusal to show, or null.
 */

/** End Session's grace when the session has none of its own: long enough to finish a sentence and save. */
export const DEFAULT_END_SESSION_GRACE_SECONDS = 60;

export interface EmergencySubject {
  name: string;
  status: SessionStatus;
  /** Set while End Session's grace runs. */
  graceEndsAt: Date | null;
}

/** The session's own grace period, or the default when it has none (0 would end everyone at once). */
export function endSessionGraceSeconds(
  gracePeriodSeconds: number,
  fallbackSeconds: number = DEFAULT_END_SESSION_GRACE_SECONDS,
): number {
  return gracePeriodSeconds > 0 ? gracePeriodSeconds : fallbackSeconds;
}

/** When the grace of an End Session confirmed at `now` is over. */
export function graceEndsAt(now: Date, graceSeconds: number): Date {
  return new Date(now.getTime() + graceSeconds * 1000);
}

function endingRefusal(session: EmergencySubject, what: string): string | null {
  if (!session.graceEndsAt) return null;
  return `The session "${session.name}" is already ending (every open attempt is submitted at ${session.graceEndsAt.toISOString()}); it can no longer be ${what}.`;
}

/** End Session: refused when it is already ending, finished, or has not started. */
export function endSessionRefusal(session: EmergencySubject): string | null {
  const finished = finishedSessionMessage(session);
  if (finished) return `${finished}; it cannot be ended again.`;
  if (session.graceEndsAt)
    return `The session "${session.name}" is already ending: every open attempt is submitted at ${session.graceEndsAt.toISOString()}.`;
  if (!sessionIsRunning(session.status))
    return `The session "${session.name}" has not started (it is "${session.status}"); cancel it instead of ending it.`;
  return null;
}

/** Pause all: not while End Session's grace runs (the candidates were promised the time to finish). */
export function pauseSessionRefusal(session: EmergencySubject): string | null {
  return endingRefusal(session, 'paused');
}

export type RescheduleRefusal = { kind: 'conflict' | 'invalid'; message: string };

/**
 * Reschedule while running: only a started or paused session that is not ending, and only to a time
 * in the future. A session that has not started is rescheduled by editing its settings.
 */
export function rescheduleLiveRefusal(session: EmergencySubject, startsAt: Date, now: Date): RescheduleRefusal | null {
  const finished = finishedSessionMessage(session);
  if (finished) return { kind: 'conflict', message: `${finished}; it cannot be rescheduled.` };
  if (!sessionIsRunning(session.status))
    return {
      kind: 'conflict',
      message: `The session "${session.name}" has not started yet; reschedule it by editing its start time (PUT /api/sessions/:id).`,
    };
  const ending = endingRefusal(session, 'rescheduled');
  if (ending) return { kind: 'conflict', message: ending };
  if (Number.isNaN(startsAt.getTime())) return { kind: 'invalid', message: 'startsAt is not a valid date and time.' };
  if (startsAt.getTime() <= now.getTime())
    return {
      kind: 'invalid',
      message: `startsAt must be in the future: ${startsAt.toISOString()} is not after now (${now.toISOString()}).`,
    };
  return null;
}
