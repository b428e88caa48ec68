import { Attempt } from './attempt.entity';
import { attemptRemainingSeconds, autoSubmitAt, restartClock, stopClock } from './attempt-clock';

const startedAt = new Date('2026-11-27T09:00:00.000Z');
const minutes = (n: number) => new Date(startedAt.getTime() + n * 60_000);

function attempt(): Attempt {
  return Object.assign(new Attempt(), { startedAt, timeLimitMs: 30 * 60_000 });
}

describe('attempt clock', () => {
  it('counts down from the attempt start with the stored limit', () => {
    expect(attemptRemainingSeconds(attempt(), minutes(10))).toBe(20 * 60);
  });

  it('stops during a pause and moves the auto-submit by its length', () => {
    const a = attempt();
    stopClock(a, minutes(10));
    expect(attemptRemainingSeconds(a, minutes(25))).toBe(20 * 60);
    expect(autoSubmitAt(a, 30)).toBeNull();
    restartClock(a, minutes(25));
    expect(attemptRemainingSeconds(a, minutes(25))).toBe(20 * 60);
    expect(autoSubmitAt(a, 30)?.toISOString()).toBe(new Date(minutes(45).getTime() + 30_000).toISOString());
    expect(a.deadlineVersion).toBe(1);
  });

  it('keeps the first pause start when paused twice', () => {
    const a = attempt();
    stopClock(a, minutes(5));
    stopClock(a, minutes(8));
    restartClock(a, minutes(10));
    expect(Number(a.pausedMs)).toBe(5 * 60_000);
  });

  it('adds extensions to the remaining time', () => {
    const a = Object.assign(attempt(), { extensionsMs: 10 * 60_000 });
    expect(attemptRemainingSeconds(a, minutes(10))).toBe(30 * 60);
  });
});
