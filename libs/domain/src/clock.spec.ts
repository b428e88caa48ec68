import { deadlineAt, remainingMs, remainingSeconds } from './clock';

const start = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const base = {
  timeLimitMs: 60 * 60_000,
  extensionsMs: 0,
  creditedMs: 0,
  startedAt: start,
  pausedMs: 0,
  pausedSince: null,
};

describe('remainingSeconds', () => {
  it('counts down from the time limit', () => {
    expect(remainingSeconds({ ...base, now: at(10) })).toBe(50 * 60);
  });

  it('adds extensions and credited time and subtracts nothing for paused time', () => {
    expect(
      remainingSeconds({
        ...base,
        extensionsMs: 5 * 60_000,
        creditedMs: 2 * 60_000,
        pausedMs: 3 * 60_000,
        now: at(10),
      }),
    ).toBe((60 + 5 + 2 - 10 + 3) * 60);
  });

  it('stops while a pause is running', () => {
    const pausedSince = at(20);
    expect(remainingSeconds({ ...base, pausedSince, now: at(30) })).toBe(40 * 60);
    expect(remainingSeconds({ ...base, pausedSince, now: at(50) })).toBe(40 * 60);
  });

  it('never goes below zero', () => {
    expect(remainingSeconds({ ...base, now: at(500) })).toBe(0);
  });
});

describe('deadlineAt', () => {
  const clock = {
    timeLimitMs: 60 * 60_000,
    extensionsMs: 5 * 60_000,
    creditedMs: 60_000,
    startedAt: new Date('2026-11-27T09:00:00Z'),
    pausedMs: 2 * 60_000,
    pausedSince: null,
  };

  it('adds the limit, extensions, credited and paused time to the start', () => {
    expect(deadlineAt(clock)?.toISOString()).toBe('2026-11-27T10:08:00.000Z');
  });

  it('is unknown while the clock is stopped', () => {
    expect(deadlineAt({ ...clock, pausedSince: new Date('2026-11-27T09:30:00Z') })).toBeNull();
  });

  it('agrees with remainingMs: nothing remains at the deadline', () => {
    const deadline = deadlineAt(clock) as Date;
    expect(remainingMs({ ...clock, now: deadline })).toBe(0);
    expect(remainingMs({ ...clock, now: new Date(deadline.getTime() - 1000) })).toBe(1000);
  });
});
