import { SessionStatus as S, StartMode } from '@invigil/contracts';
import {
  assertSessionTransition,
  FINISHED_SESSION_STATUSES,
  finishedSessionMessage,
  sessionIsEditable,
  sessionIsFinished,
  sessionTransitions,
  statusAfterSettingsEdit,
  statusOnCreation,
} from './session-lifecycle';

describe('session lifecycle (the guide)', () => {
  it('walks draft → scheduled → open → in progress ⇄ paused → ended', () => {
    let from: S = S.Draft;
    for (const to of [S.Scheduled, S.Open, S.InProgress, S.Paused, S.InProgress, S.Ended]) {
      expect(() => assertSessionTransition(from, to)).not.toThrow();
      from = to;
    }
  });

  it('lets the scheduled-start job move scheduled straight to in progress', () => {
    expect(() => assertSessionTransition(S.Scheduled, S.InProgress)).not.toThrow();
  });

  it('reschedules a scheduled or open session back to scheduled', () => {
    expect(() => assertSessionTransition(S.Scheduled, S.Scheduled)).not.toThrow();
    expect(() => assertSessionTransition(S.Open, S.Scheduled)).not.toThrow();
    expect(() => assertSessionTransition(S.InProgress, S.Scheduled)).toThrow(
      'Cannot move the session from "in_progress" to "scheduled"',
    );
  });

  it('cancels only before the start; ended and cancelled are final', () => {
    for (const from of [S.Draft, S.Scheduled, S.Open])
      expect(() => assertSessionTransition(from, S.Cancelled)).not.toThrow();
    expect(() => assertSessionTransition(S.InProgress, S.Cancelled)).toThrow('from "in_progress"');
    expect(sessionTransitions[S.Ended]).toEqual([]);
    expect(sessionTransitions[S.Cancelled]).toEqual([]);
    expect(() => assertSessionTransition(S.Cancelled, S.InProgress)).toThrow(
      'Cannot move the session from "cancelled" to "in_progress"',
    );
  });

  it('refuses to pause a session that is not running, naming the current state', () => {
    expect(() => assertSessionTransition(S.Open, S.Paused)).toThrow('Cannot move the session from "open" to "paused"');
  });

  it('allows editing only before the start', () => {
    expect([S.Draft, S.Scheduled, S.Open].every(sessionIsEditable)).toBe(true);
    expect([S.InProgress, S.Paused, S.Ended, S.Cancelled].some(sessionIsEditable)).toBe(false);
  });
});

describe('sessionIsFinished', () => {
  it('is true exactly for the final states of the transition table', () => {
    expect([...FINISHED_SESSION_STATUSES].sort()).toEqual([S.Cancelled, S.Ended].sort());
    expect(sessionIsFinished(S.Ended)).toBe(true);
    expect(sessionIsFinished(S.Cancelled)).toBe(true);
    expect(sessionIsFinished(S.Paused)).toBe(false);
    expect(sessionIsFinished(S.Draft)).toBe(false);
  });
});

describe('finishedSessionMessage', () => {
  it('says how the session finished, and nothing for one that is not finished', () => {
    expect(finishedSessionMessage({ name: 'Biology', status: S.Ended })).toBe('The session "Biology" has ended');
    expect(finishedSessionMessage({ name: 'Biology', status: S.Cancelled })).toBe(
      'The session "Biology" has been cancelled',
    );
    expect(finishedSessionMessage({ name: 'Biology', status: S.InProgress })).toBeNull();
  });
});

describe('status on creation and after a settings edit', () => {
  it('creates a scheduled-start session as scheduled and a flexible-start one as open', () => {
    expect(statusOnCreation(StartMode.Scheduled)).toBe(S.Scheduled);
    expect(statusOnCreation(StartMode.Flexible)).toBe(S.Open);
  });

  it('makes a scheduled start scheduled, opens a scheduled session switched to flexible, else keeps the status', () => {
    for (const current of [S.Draft, S.Scheduled, S.Open])
      expect(statusAfterSettingsEdit(current, StartMode.Scheduled)).toBe(S.Scheduled);
    expect(statusAfterSettingsEdit(S.Scheduled, StartMode.Flexible)).toBe(S.Open);
    expect(statusAfterSettingsEdit(S.Open, StartMode.Flexible)).toBe(S.Open);
    expect(statusAfterSettingsEdit(S.Draft, StartMode.Flexible)).toBe(S.Draft);
  });

  it('only ever proposes a move the transition table allows from an editable state', () => {
    for (const current of [S.Draft, S.Scheduled, S.Open])
      for (const mode of [StartMode.Scheduled, StartMode.Flexible]) {
        const next = statusAfterSettingsEdit(current, mode);
        if (next !== current || next === S.Scheduled)
          expect(() => assertSessionTransition(current, next)).not.toThrow();
      }
  });
});
