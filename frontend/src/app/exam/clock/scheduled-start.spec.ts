import { formatStart, formatUntil } from './scheduled-start';

describe("waiting room: scheduled start in the candidate's time zone", () => {
  it('shows the UTC start in the given zone', () => {
    expect(formatStart('2026-12-01T15:00:00.000Z', 'America/New_York')).toBe(
      'Tuesday, 1 December 2026 at 10:00 (America/New_York)',
    );
    expect(formatStart('2026-12-01T15:00:00.000Z', 'Asia/Tokyo')).toBe(
      'Wednesday, 2 December 2026 at 00:00 (Asia/Tokyo)',
    );
  });

  it('counts down in days, hours, minutes and seconds', () => {
    expect(formatUntil(65_000)).toBe('01:05');
    expect(formatUntil(3_600_000 + 1000)).toBe('01:00:01');
    expect(formatUntil(2 * 86_400_000 + 3_723_000)).toBe('2 d 01:02:03');
    expect(formatUntil(0)).toBe('now');
  });
});
