import { ParticipantStatus as P } from '@invigil/contracts';
import {
  participantIsRemovable,
  participantReactions,
  participantStatusAfter,
  participantTransitions,
} from './participant-status';

describe('participantIsRemovable', () => {
  it('allows removal only while Invited or Waiting', () => {
    expect([P.Invited, P.Waiting].every(participantIsRemovable)).toBe(true);
    expect([P.InSession, P.Paused, P.Disconnected, P.Complete].some(participantIsRemovable)).toBe(false);
  });
});

describe('participantStatusAfter', () => {
  it('moves only Waiting participants In Session when the session starts', () => {
    expect(participantStatusAfter('sessionStarted', P.Waiting)).toBe(P.InSession);
    expect(participantStatusAfter('sessionStarted', P.Invited)).toBeNull();
  });

  it('completes a submitted participant from any status that leads to Complete', () => {
    expect(participantStatusAfter('attemptSubmitted', P.InSession)).toBe(P.Complete);
    expect(participantStatusAfter('attemptSubmitted', P.Disconnected)).toBe(P.Complete);
    expect(participantStatusAfter('attemptSubmitted', P.Complete)).toBeNull();
    expect(participantStatusAfter('attemptSubmitted', P.Invited)).toBeNull();
  });

  it('pauses and resumes only between In Session and Paused; a Disconnected candidate stays Disconnected', () => {
    expect(participantStatusAfter('attemptPaused', P.InSession)).toBe(P.Paused);
    expect(participantStatusAfter('attemptPaused', P.Disconnected)).toBeNull();
    expect(participantStatusAfter('attemptResumed', P.Paused)).toBe(P.InSession);
    expect(participantStatusAfter('attemptResumed', P.Disconnected)).toBeNull();
  });

  it('disconnects from In Session or Paused and reconnects to In Session', () => {
    expect(participantStatusAfter('attemptDisconnected', P.InSession)).toBe(P.Disconnected);
    expect(participantStatusAfter('attemptDisconnected', P.Paused)).toBe(P.Disconnected);
    expect(participantStatusAfter('attemptDisconnected', P.Complete)).toBeNull();
    expect(participantStatusAfter('attemptReconnected', P.Disconnected)).toBe(P.InSession);
    expect(participantStatusAfter('attemptReconnected', P.Paused)).toBeNull();
    expect(participantStatusAfter('attemptReconnected', P.Complete)).toBeNull();
  });

  it('brings a participant back In Session only from Complete when the attempt is reopened', () => {
    expect(participantStatusAfter('attemptReopened', P.Complete)).toBe(P.InSession);
    expect(participantStatusAfter('attemptReopened', P.Disconnected)).toBeNull();
  });

  it('names only moves the transition table allows (besides the catch-all of a submission)', () => {
    for (const [cause, { to, from }] of Object.entries(participantReactions)) {
      if (cause === 'attemptSubmitted') continue;
      for (const status of from) expect(participantTransitions[status]).toContain(to);
    }
  });
});
