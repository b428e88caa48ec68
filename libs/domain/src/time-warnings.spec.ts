import { timeWarningText, upcomingTimeWarnings } from './time-warnings';

describe('time warnings', () => {
  const deadline = new Date('2026-12-03T10:30:00Z');

  it('gives each warning before the deadline, soonest first', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(upcomingTimeWarnings(deadline, [10, 5, 1], now).map((w) => [w.minutes, w.at.toISOString()])).toEqual([
      [10, '2026-12-03T10:20:00.000Z'],
      [5, '2026-12-03T10:25:00.000Z'],
      [1, '2026-12-03T10:29:00.000Z'],
    ]);
  });

  it('skips warnings whose moment has passed, so a moved deadline never warns late', () => {
    const now = new Date('2026-12-03T10:26:00Z');
    expect(upcomingTimeWarnings(deadline, [10, 5, 1, 1], now).map((w) => w.minutes)).toEqual([1]);
  });

  it('says the minutes left in plain words', () => {
    expect(timeWarningText(1)).toBe('1 minute remaining.');
    expect(timeWarningText(5)).toBe('5 minutes remaining.');
  });
});
