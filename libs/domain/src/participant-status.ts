import { ParticipantStatus } from '@invigil/contracts';
import type { TransitionTable } from './transition';
import { assertTransition, canTransition } from './transition';

const P = ParticipantStatus;

/**
 * Invited → Waiting → In Session ⇄ Paused / Disconnected → Complete, as the guide lists them.
 * Complete leads back In Session only when the proctor reopens the attempt after a technical problem.
 */
export const participantTransitions: TransitionTable<ParticipantStatus> = {
  [P.Invited]: [P.Waiting, P.InSession],
  [P.Waiting]: [P.InSession, P.Disconnected],
  [P.InSession]: [P.Paused, P.Disconnected, P.Complete],
  [P.Paused]: [P.InSession, P.Disconnected, P.Complete],
  [P.Disconnected]: [P.InSession, P.Waiting, P.Paused, P.Complete],
  [P.Complete]: [P.InSession],
};

export function assertParticipantTransition(from: ParticipantStatus, to: ParticipantStatus): void {
  assertTransition('the participant', participantTransitions, from, to);
}

export function canMoveParticipant(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return canTransition(participantTransitions, from, to);
}

/** Where a candidate lands on joining: waiting before the start, straight in once it runs. */
export function statusOnJoin(sessionRunning: boolean): ParticipantStatus {
  return sessionRunning ? P.InSession : P.Waiting;
}

/** The proctor may take someone off the roster only before they have started: while Invited or Waiting. */
export const REMOVABLE_PARTICIPANT_STATUSES: readonly ParticipantStatus[] = [P.Invited, P.Waiting];

export function participantIsRemovable(status: ParticipantStatus): boolean {
  return REMOVABLE_PARTICIPANT_STATUSES.includes(status);
}

/** What happens in the sessions service that moves a participant: the session's start and the attempt's events. */
export type ParticipantCause =
  | 'sessionStarted'
  | 'attemptSubmitted'
  | 'attemptPaused'
  | 'attemptResumed'
  | 'attemptDisconnected'
  | 'attemptReconnected'
  | 'attemptReopened';

export interface ParticipantReaction {
  to: ParticipantStatus;
  /** The statuses the cause applies to; a participant in any other status stays where they are. */
  from: readonly ParticipantStatus[];
}

/**
 * Which event moves a participant to which status, and from which:
 * - the start moves only those who joined (an Invited roster entry that never joined stays Invited);
 * - a submission completes the participant from wherever the state machine allows;
 * - a pause or resume leaves a Disconnected candidate Disconnected: that is what the proctor most
 *   needs to see, and the reconnection brings them back In Session;
 * - a reconnection goes back In Session even while the attempt is still paused (paused, then away,
 *   then back): the status says In Session until the proctor resumes, while the exam view stays blocked;
 * - a reopening brings a Complete participant back In Session: the only way out of Complete.
 */
export const participantReactions: Readonly<Record<ParticipantCause, ParticipantReaction>> = {
  sessionStarted: { to: P.InSession, from: [P.Waiting] },
  attemptSubmitted: { to: P.Complete, from: Object.values(P) },
  attemptPaused: { to: P.Paused, from: [P.InSession] },
  attemptResumed: { to: P.InSession, from: [P.Paused] },
  attemptDisconnected: { to: P.Disconnected, from: [P.InSession, P.Paused] },
  attemptReconnected: { to: P.InSession, from: [P.Disconnected] },
  attemptReopened: { to: P.InSession, from: [P.Complete] },
};

/** The status `cause` moves a participant in `current` to, or null when it leaves them where they are. */
export function participantStatusAfter(cause: ParticipantCause, current: ParticipantStatus): ParticipantStatus | null {
  const { to, from } = participantReactions[cause];
  if (current === to || !from.includes(current) || !canMoveParticipant(current, to)) return null;
  return to;
}
