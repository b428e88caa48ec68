import { SessionStatus as S } from '@invigil/contracts';
import {
  DEFAULT_END_SESSION_GRACE_SECONDS,
  endSessionGraceSeconds,
  endSessionRefusal,
  graceEndsAt,
  pauseSessionRefusal,
  rescheduleLiveRefusal,
} from './emergency-procedures';

const now = new Date('2026-12-03T10:00:00Z');
const session = (status: S, ending: Date | null = null) => ({ name: 'Biology', status, graceEndsAt: ending });

describe('emergency procedures', () => {
  it("gives End Session the session's grace period, or the default when it has none", () => {
    expect(endSessionGraceSeconds(90)).toBe(90);
    expect(endSessionGraceSeconds(0)).toBe(DEFAULT_END_SESSION_GRACE_SECONDS);
    expect(endSessionGraceSeconds(0, 5)).toBe(5);
    expect(graceEndsAt(now, 45).toISOString()).toBe('2026-12-03T10:00:45.000Z');
  });

  it('ends a running session once, and refuses one that is ending, finished or not started', () => {
    expect(endSessionRefusal(session(S.InProgress))).toBeNull();
    expect(endSessionRefusal(session(S.Paused))).toBeNull();
    expect(endSessionRefusal(session(S.InProgress, new Date('2026-12-03T10:01:00Z')))).toBe(
      'The session "Biology" is already ending: every open attempt is submitted at 2026-12-03T10:01:00.000Z.',
    );
    expect(endSessionRefusal(session(S.Ended))).toBe('The session "Biology" has ended; it cannot be ended again.');
    expect(endSessionRefusal(session(S.Cancelled))).toMatch(/has been cancelled; it cannot be ended again/);
    expect(endSessionRefusal(session(S.Open))).toMatch(/has not started .*cancel it instead/);
  });

  it('does not pause a session whose End Session grace runs', () => {
    expect(pauseSessionRefusal(session(S.InProgress))).toBeNull();
    expect(pauseSessionRefusal(session(S.InProgress, now))).toMatch(/already ending .* can no longer be paused/);
  });

  it('reschedules a started or paused session to a future time only', () => {
    const later = new Date('2026-12-03T11:00:00Z');
    expect(rescheduleLiveRefusal(session(S.InProgress), later, now)).toBeNull();
    expect(rescheduleLiveRefusal(session(S.Paused), later, now)).toBeNull();
    expect(rescheduleLiveRefusal(session(S.InProgress), now, now)).toEqual({
      kind: 'invalid',
      message: 'startsAt must be in the future: 2026-12-03T10:00:00.000Z is not after now (2026-12-03T10:00:00.000Z).',
    });
    expect(rescheduleLiveRefusal(session(S.Ended), later, now)).toEqual({
      kind: 'conflict',
      message: 'The session "Biology" has ended; it cannot be rescheduled.',
    });
    expect(rescheduleLiveRefusal(session(S.Cancelled), later, now)?.kind).toBe('conflict');
    expect(rescheduleLiveRefusal(session(S.Scheduled), later, now)?.message).toMatch(/editing its start time/);
    expect(rescheduleLiveRefusal(session(S.InProgress, later), later, now)?.message).toMatch(
      /can no longer be rescheduled/,
    );
  });
});
