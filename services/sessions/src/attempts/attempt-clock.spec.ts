import { remainingMs, remainingSeconds } from '@invigil/domain';
import { attemptClock } from './attempt-clock';

describe('attemptClock', () => {
  const startedAt = new Date('2026-11-27T09:00:00.000Z');
  const session = { durationMinutes: 30 };

  it('gives the full session duration at the moment the attempt opens', () => {
    expect(remainingSeconds(attemptClock({ startedAt }, session, startedAt))).toBe(30 * 60);
  });

  it('counts down from the attempt start', () => {
    const now = new Date(startedAt.getTime() + 10 * 60_000 + 500);
    expect(remainingSeconds(attemptClock({ startedAt }, session, now))).toBe(20 * 60 - 1);
  });

  it('reaches zero at the limit and stays there', () => {
    expect(remainingMs(attemptClock({ startedAt }, session, new Date(startedAt.getTime() + 30 * 60_000)))).toBe(0);
    expect(remainingMs(attemptClock({ startedAt }, session, new Date(startedAt.getTime() + 90 * 60_000)))).toBe(0);
  });
});
