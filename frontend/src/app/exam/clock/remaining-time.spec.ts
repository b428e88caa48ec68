import { formatRemainingTime } from './remaining-time';

describe('formatRemainingTime', () => {
  it.each([
    [0, '00:00'],
    [9, '00:09'],
    [65, '01:05'],
    [3599, '59:59'],
    [5400, '90:00'],
    [61.9, '01:01'],
  ])('shows %p seconds as %p', (seconds, shown) => {
    expect(formatRemainingTime(seconds)).toBe(shown);
  });

  it('never shows negative or broken times', () => {
    expect(formatRemainingTime(-5)).toBe('00:00');
    expect(formatRemainingTime(Number.NaN)).toBe('00:00');
  });
});
