import { ParticipantStatus } from '@invigil/contracts';
import { assertTransition, canTransition, TransitionTable } from './transition';

const P = ParticipantStatus;

/** Invited → Waiting → In Session ⇄ Paused / Disconnected → Complete, as the guide lists them. */
export const participantTransitions: TransitionTable<ParticipantStatus> = {
  [P.Invited]: [P.Waiting, P.InSession],
  [P.Waiting]: [P.InSession, P.Disconnected],
  [P.InSession]: [P.Paused, P.Disconnected, P.Complete],
  [P.Paused]: [P.InSession, P.Disconnected, P.Complete],
  [P.Disconnected]: [P.InSession, P.Waiting, P.Paused, P.Complete],
  [P.Complete]: [],
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
