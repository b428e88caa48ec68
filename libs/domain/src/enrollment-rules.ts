import type { SessionStatus } from '@invigil/contracts';
import { EnrollmentMode, ParticipantStatus } from '@invigil/contracts';
import type { FinishedSessionStatus } from './session-lifecycle';
import { finishedSessionMessage, sessionIsFinished } from './session-lifecycle';

/** The parts of a session the joining rules look at (a subset of SessionView). */
export interface JoinableSession {
  name: string;
  status: SessionStatus;
  enrollmentMode: EnrollmentMode;
  maxUsers: number | null;
  lateEntry: boolean;
  lateEntryMinutes: number | null;
  startedAt: string | null;
}

export type JoinRefusalReason = `${FinishedSessionStatus}` | 'manual_only' | 'late_entry_closed' | 'full';

export interface JoinRefusal {
  reason: JoinRefusalReason;
  message: string;
}

export interface JoinContext {
  /** The caller's roster row, if the proctor added them (or they joined before). */
  existingStatus: ParticipantStatus | null;
  /** Rows on the session's roster, every status: each one holds a seat. */
  seatsTaken: number;
  now: Date;
}

/**
 * Why a user may not join, or null when they may. Order: ended/cancelled, manual-only, late entry,
 * full. A roster row the proctor made (Invited) already holds its seat, so it never counts as full;
 * someone who already joined (any later status) is simply let back to their place.
 */
export function joinRefusal(session: JoinableSession, context: JoinContext): JoinRefusal | null {
  if (sessionIsFinished(session.status)) {
    return { reason: session.status, message: `${finishedSessionMessage(session)}; it takes no more participants.` };
  }
  if (context.existingStatus !== null && context.existingStatus !== ParticipantStatus.Invited) return null;
  const onRoster = context.existingStatus === ParticipantStatus.Invited;
  if (!onRoster && session.enrollmentMode === EnrollmentMode.Manual) {
    return {
      reason: 'manual_only',
      message: 'This session is manual enrollment only and you are not on its roster; ask your proctor to add you.',
    };
  }
  const closed = lateEntryClosedAt(session);
  if (closed !== null && context.now.getTime() > closed.getTime()) {
    return {
      reason: 'late_entry_closed',
      message: session.lateEntry
        ? `Late entry to "${session.name}" closed at ${closed.toISOString()} (${session.lateEntryMinutes} minutes after the start); ask your proctor.`
        : `The session "${session.name}" has already started and does not allow late entry; ask your proctor.`,
    };
  }
  if (!onRoster && placesLeft(session.maxUsers, context.seatsTaken) === 0) {
    return {
      reason: 'full',
      message: `The session "${session.name}" is full (${session.maxUsers} participants); ask your proctor for a place.`,
    };
  }
  return null;
}

/** When joining stops after the start: the start itself without late entry, start + minutes with it; null before the start. */
export function lateEntryClosedAt(
  session: Pick<JoinableSession, 'startedAt' | 'lateEntry' | 'lateEntryMinutes'>,
): Date | null {
  if (!session.startedAt) return null;
  const started = new Date(session.startedAt);
  if (!session.lateEntry) return started;
  return new Date(started.getTime() + (session.lateEntryMinutes ?? 0) * 60_000);
}

/**
 * Places left under the session's maximum, never below zero; null without a maximum. Every row on
 * the roster holds a seat, whatever its status: joining, adding and importing all count this way.
 */
export function placesLeft(maxUsers: number | null, seatsTaken: number): number | null {
  return maxUsers === null ? null : Math.max(0, maxUsers - seatsTaken);
}

/**
 * Why the proctor may not add `adding` newcomers (the manual addition), or null when they fit: the
 * same seat count as joinRefusal's "full", with the numbers a proctor needs to pick fewer.
 */
export function additionRefusal(
  session: Pick<JoinableSession, 'maxUsers'>,
  seatsTaken: number,
  adding: number,
): JoinRefusal | null {
  const left = placesLeft(session.maxUsers, seatsTaken);
  if (left === null || adding <= left) return null;
  return {
    reason: 'full',
    message: `Adding ${adding} would exceed the session's maximum of ${session.maxUsers} participants (${seatsTaken} already on the roster, ${left} places left).`,
  };
}
