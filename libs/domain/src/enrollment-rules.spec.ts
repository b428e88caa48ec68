import { EnrollmentMode, ParticipantStatus, SessionStatus } from '@invigil/contracts';
import type { JoinableSession } from './enrollment-rules';
import { additionRefusal, joinRefusal, lateEntryClosedAt, placesLeft } from './enrollment-rules';

const base: JoinableSession = {
  name: 'Algebra',
  status: SessionStatus.Open,
  enrollmentMode: EnrollmentMode.Auto,
  maxUsers: null,
  lateEntry: false,
  lateEntryMinutes: null,
  startedAt: null,
};
const now = new Date('2026-12-01T10:00:00Z');
const fresh = { existingStatus: null, seatsTaken: 0, now };

describe('joinRefusal', () => {
  it('lets anyone with the code into an open auto session', () => {
    expect(joinRefusal(base, fresh)).toBeNull();
  });

  it('refuses ended and cancelled sessions', () => {
    expect(joinRefusal({ ...base, status: SessionStatus.Ended }, fresh)?.reason).toBe('ended');
    expect(joinRefusal({ ...base, status: SessionStatus.Cancelled }, fresh)).toEqual({
      reason: 'cancelled',
      message: 'The session "Algebra" has been cancelled; it takes no more participants.',
    });
  });

  it('manual mode refuses users not on the roster, admits invited ones', () => {
    const manual = { ...base, enrollmentMode: EnrollmentMode.Manual };
    expect(joinRefusal(manual, fresh)?.message).toBe(
      'This session is manual enrollment only and you are not on its roster; ask your proctor to add you.',
    );
    expect(joinRefusal(manual, { ...fresh, existingStatus: ParticipantStatus.Invited })).toBeNull();
    expect(joinRefusal({ ...base, enrollmentMode: EnrollmentMode.Hybrid }, fresh)).toBeNull();
  });

  it('refuses when full, but not an invited roster entry (it holds its seat)', () => {
    const limited = { ...base, maxUsers: 2 };
    expect(joinRefusal(limited, { ...fresh, seatsTaken: 1 })).toBeNull();
    expect(joinRefusal(limited, { ...fresh, seatsTaken: 2 })?.reason).toBe('full');
    expect(joinRefusal(limited, { ...fresh, seatsTaken: 2, existingStatus: ParticipantStatus.Invited })).toBeNull();
  });

  it('late entry: closed at the start without it, open for lateEntryMinutes with it', () => {
    const started = { ...base, status: SessionStatus.InProgress, startedAt: '2026-12-01T09:50:00Z' };
    expect(joinRefusal(started, fresh)?.reason).toBe('late_entry_closed');
    const late = { ...started, lateEntry: true, lateEntryMinutes: 15 };
    expect(joinRefusal(late, fresh)).toBeNull();
    expect(joinRefusal(late, { ...fresh, now: new Date('2026-12-01T10:05:01Z') })?.reason).toBe('late_entry_closed');
    expect(lateEntryClosedAt(late)?.toISOString()).toBe('2026-12-01T10:05:00.000Z');
  });

  it('lets someone who already joined back to their place', () => {
    const started = { ...base, status: SessionStatus.InProgress, startedAt: '2026-12-01T09:00:00Z', maxUsers: 1 };
    expect(joinRefusal(started, { ...fresh, existingStatus: ParticipantStatus.InSession, seatsTaken: 1 })).toBeNull();
  });
});

describe('roster capacity', () => {
  it('counts every roster row as a seat and never goes below zero places', () => {
    expect(placesLeft(null, 40)).toBeNull();
    expect(placesLeft(3, 1)).toBe(2);
    expect(placesLeft(3, 5)).toBe(0);
  });

  it('refuses a manual addition that would overfill the session, naming the places left', () => {
    const limited = { maxUsers: 3 };
    expect(additionRefusal(limited, 1, 2)).toBeNull();
    expect(additionRefusal({ maxUsers: null }, 100, 50)).toBeNull();
    expect(additionRefusal(limited, 1, 3)).toEqual({
      reason: 'full',
      message:
        "Adding 3 would exceed the session's maximum of 3 participants (1 already on the roster, 2 places left).",
    });
  });

  it('agrees with joinRefusal on when a session is full', () => {
    const limited = { ...base, maxUsers: 2 };
    expect(joinRefusal(limited, { ...fresh, seatsTaken: 1 })).toBeNull();
    expect(additionRefusal(limited, 1, 1)).toBeNull();
    expect(joinRefusal(limited, { ...fresh, seatsTaken: 2 })?.reason).toBe('full');
    expect(additionRefusal(limited, 2, 1)?.reason).toBe('full');
  });
});
