import { SessionStatus, StartMode } from '@invigil/contracts';
import type { TransitionTable } from './transition';
import { assertTransition } from './transition';

const S = SessionStatus;

/**
 * The guide's session lifecycle, the only place it is written down:
 *
 *   draft → scheduled → open → in progress ⇄ paused → ended
 *   draft | scheduled | open → cancelled            (cancel before it starts; a running one is ended)
 *   scheduled | open → scheduled                    (rescheduled: a new start time; roster and progress kept)
 *   scheduled → in progress                         (the scheduled-start job, or the proctor starting early)
 *
 * "Rescheduled" is a transition (and the `sessions.session.rescheduled` event), not a state: a
 * rescheduled session is simply `scheduled` again with a new time. Ended and cancelled are final.
 * A session rescheduled while running waits `paused` until its new start (emergency-procedures.ts).
 * Candidates may wait in a `scheduled` session as well as in an `open` one.
 */
export const sessionTransitions: TransitionTable<SessionStatus> = {
  [S.Draft]: [S.Scheduled, S.Open, S.Cancelled],
  [S.Scheduled]: [S.Scheduled, S.Open, S.InProgress, S.Cancelled],
  [S.Open]: [S.Scheduled, S.InProgress, S.Cancelled],
  [S.InProgress]: [S.Paused, S.Ended],
  [S.Paused]: [S.InProgress, S.Ended],
  [S.Ended]: [],
  [S.Cancelled]: [],
};

export function assertSessionTransition(from: SessionStatus, to: SessionStatus): void {
  assertTransition('the session', sessionTransitions, from, to);
}

/** Settings may be edited (and the session rescheduled) only before it starts. */
export function sessionIsEditable(status: SessionStatus): boolean {
  return status === S.Draft || status === S.Scheduled || status === S.Open;
}

/** Candidates may join (and wait) while the session is scheduled or open; late entry is a later rule. */
export function sessionAcceptsParticipants(status: SessionStatus): boolean {
  return status === S.Open || status === S.Scheduled || status === S.InProgress || status === S.Paused;
}

export function sessionIsRunning(status: SessionStatus): boolean {
  return status === S.InProgress || status === S.Paused;
}

/** The final states: ended and cancelled. */
export type FinishedSessionStatus = SessionStatus.Ended | SessionStatus.Cancelled;

/** The final states, read off the transition table: those from which no transition leads anywhere. */
export const FINISHED_SESSION_STATUSES: readonly SessionStatus[] = (
  Object.keys(sessionTransitions) as SessionStatus[]
).filter((status) => sessionTransitions[status].length === 0);

/** Ended or cancelled: nothing more happens in the session (no joins, no saves, no attempts). */
export function sessionIsFinished(status: SessionStatus): status is FinishedSessionStatus {
  return FINISHED_SESSION_STATUSES.includes(status);
}

const FINISHED_PHRASE: Record<FinishedSessionStatus, string> = {
  [S.Ended]: 'has ended',
  [S.Cancelled]: 'has been cancelled',
};

/**
 * 'The session "Biology" has ended' or '… has been cancelled' for a finished session, null for any
 * other; callers add what no longer happens ("; its roster can no longer change.").
 */
export function finishedSessionMessage(session: { name: string; status: SessionStatus }): string | null {
  if (!sessionIsFinished(session.status)) return null;
  return `The session "${session.name}" ${FINISHED_PHRASE[session.status]}`;
}

/** A new session waits for its start time when it has one, and is open for joining otherwise. */
export function statusOnCreation(startMode: StartMode): SessionStatus {
  return startMode === StartMode.Scheduled ? S.Scheduled : S.Open;
}

/**
 * The status after a settings edit (which only happens before the start): a scheduled start makes
 * the session scheduled (again); switching a scheduled session to a flexible start opens it; a
 * flexible-start draft or open session keeps its status.
 */
export function statusAfterSettingsEdit(current: SessionStatus, startMode: StartMode): SessionStatus {
  if (startMode === StartMode.Scheduled) return S.Scheduled;
  return current === S.Scheduled ? S.Open : current;
}
