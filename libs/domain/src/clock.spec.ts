import { deadlineAt, extensionMs, intervalMs, pausedClock, remainingMs, remainingSeconds, resumedClock } from './clock';

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

describe('pause and resume', () => {
  it('stops the clock at the first pause and keeps that start on a second one', () => {
    const paused = pausedClock({ pausedMs: 0, pausedSince: null }, at(10));
    expect(paused).toEqual({ pausedMs: 0, pausedSince: at(10) });
    expect(pausedClock(paused, at(12))).toEqual({ pausedMs: 0, pausedSince: at(10) });
  });

  it('adds the length of the pause to the paused time on resume, and only once', () => {
    const resumed = resumedClock({ pausedMs: 60_000, pausedSince: at(10) }, at(15));
    expect(resumed).toEqual({ pausedMs: 6 * 60_000, pausedSince: null });
    expect(resumedClock(resumed, at(20))).toEqual(resumed);
  });

  it('moves the deadline by the length of the pause', () => {
    const paused = { ...base, ...pausedClock(base, at(10)) };
    expect(deadlineAt(paused)).toBeNull();
    const resumed = { ...paused, ...resumedClock(paused, at(25)) };
    expect(deadlineAt(resumed)).toEqual(at(75));
    expect(remainingSeconds({ ...resumed, now: at(25) })).toBe(50 * 60);
  });

  it('never counts a negative interval when the resume is read before the pause', () => {
    expect(intervalMs(at(10), at(9))).toBe(0);
    expect(resumedClock({ pausedMs: 0, pausedSince: at(10) }, at(9))).toEqual({ pausedMs: 0, pausedSince: null });
  });

  it('turns extension minutes into milliseconds', () => {
    expect(extensionMs(5)).toBe(300_000);
  });
});
