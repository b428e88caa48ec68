import { remainingSeconds } from './clock';

const start = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const base = { timeLimitMs: 60 * 60_000, extensionsMs: 0, creditedMs: 0, startedAt: start, pausedMs: 0, pausedSince: null };

describe('remainingSeconds', () => {
  it('counts down from the time limit', () => {
    expect(remainingSeconds({ ...base, now: at(10) })).toBe(50 * 60);
  });

  it('adds extensions and credited time and subtracts nothing for paused time', () => {
    expect(remainingSeconds({ ...base, extensionsMs: 5 * 60_000, creditedMs: 2 * 60_000, pausedMs: 3 * 60_000, now: at(10) })).toBe(
      (60 + 5 + 2 - 10 + 3) * 60,
    );
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
