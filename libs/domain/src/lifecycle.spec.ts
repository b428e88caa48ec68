import { ParticipantStatus, SessionStatus } from '@invigil/contracts';
import { assertParticipantTransition, statusOnJoin } from './participant-status';
import { assertSessionTransition } from './session-lifecycle';

describe('session lifecycle', () => {
  it('allows open → in progress ⇄ paused → ended', () => {
    expect(() => assertSessionTransition(SessionStatus.Open, SessionStatus.InProgress)).not.toThrow();
    expect(() => assertSessionTransition(SessionStatus.InProgress, SessionStatus.Paused)).not.toThrow();
    expect(() => assertSessionTransition(SessionStatus.Paused, SessionStatus.InProgress)).not.toThrow();
    expect(() => assertSessionTransition(SessionStatus.Paused, SessionStatus.Ended)).not.toThrow();
  });

  it('refuses to restart an ended session, naming the current state', () => {
    expect(() => assertSessionTransition(SessionStatus.Ended, SessionStatus.InProgress)).toThrow(
      'Cannot move the session from "ended" to "in_progress"',
    );
  });
});

describe('participant status', () => {
  it('puts a joiner in the waiting room before the start and in session after it', () => {
    expect(statusOnJoin(false)).toBe(ParticipantStatus.Waiting);
    expect(statusOnJoin(true)).toBe(ParticipantStatus.InSession);
  });

  it('leaves Complete only back In Session, for a reopened attempt', () => {
    for (const to of Object.values(ParticipantStatus).filter((status) => status !== ParticipantStatus.InSession)) {
      expect(() => assertParticipantTransition(ParticipantStatus.Complete, to)).toThrow();
    }
    expect(() => assertParticipantTransition(ParticipantStatus.Complete, ParticipantStatus.InSession)).not.toThrow();
  });
});
