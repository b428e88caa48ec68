import { SessionStatus } from '@invigil/contracts';
import { assertTransition, TransitionTable } from './transition';

const S = SessionStatus;

/** draft → scheduled → open → in progress ⇄ paused → ended, plus cancelled (and a reschedule back to scheduled). */
export const sessionTransitions: TransitionTable<SessionStatus> = {
  [S.Draft]: [S.Scheduled, S.Open, S.Cancelled],
  [S.Scheduled]: [S.Open, S.InProgress, S.Cancelled, S.Scheduled],
  [S.Open]: [S.InProgress, S.Cancelled, S.Scheduled],
  [S.InProgress]: [S.Paused, S.Ended],
  [S.Paused]: [S.InProgress, S.Ended],
  [S.Ended]: [],
  [S.Cancelled]: [S.Scheduled],
};

export function assertSessionTransition(from: SessionStatus, to: SessionStatus): void {
  assertTransition('the session', sessionTransitions, from, to);
}

/** Candidates may join (and wait) while the session is open; late entry is a later rule. */
export function sessionAcceptsParticipants(status: SessionStatus): boolean {
  return status === S.Open || status === S.Scheduled || status === S.InProgress || status === S.Paused;
}

export function sessionIsRunning(status: SessionStatus): boolean {
  return status === S.InProgress || status === S.Paused;
}
