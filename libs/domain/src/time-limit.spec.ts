import { formatDuration } from './duration';
import { TimeLimitMode } from '@invigil/contracts';
import {
  individualTimeLimitMs,
  individualTimeLimitSeconds,
  ownTimeLimitSeconds,
  participantTimeLimitMs,
} from './time-limit';

describe('individualTimeLimitMs', () => {
  it('gives 45 min × 1.5 as 67 min 30 s, not 68 min', () => {
    expect(individualTimeLimitMs(45, true, { timeLimitMultiplier: 1.5 })).toBe(67.5 * 60_000);
    expect(formatDuration(individualTimeLimitSeconds(45, true, { timeLimitMultiplier: 1.5 }))).toBe('1 h 7 min 30 s');
  });

  it('rounds a multiplied limit up to the whole second', () => {
    // 50 min × 1.33 = 3990 s exactly; 7 min × 1.17 = 491.4 s → 492 s.
    expect(individualTimeLimitMs(50, true, { timeLimitMultiplier: 1.33 })).toBe(3_990_000);
    expect(individualTimeLimitMs(7, true, { timeLimitMultiplier: 1.17 })).toBe(492_000);
  });

  it('prefers minutes, and ignores individual limits when the session does not use them', () => {
    expect(individualTimeLimitMs(60, true, { timeLimitMinutes: 90, timeLimitMultiplier: 2 })).toBe(90 * 60_000);
    expect(individualTimeLimitMs(60, false, { timeLimitMinutes: 90 })).toBe(60 * 60_000);
    expect(individualTimeLimitMs(60, true, {})).toBe(60 * 60_000);
    expect(individualTimeLimitMs(60, true, { timeLimitMinutes: null, timeLimitMultiplier: null })).toBe(60 * 60_000);
  });
});

describe('formatDuration', () => {
  it('names hours, minutes and seconds, leaving out the zero parts', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(4050)).toBe('1 h 7 min 30 s');
    expect(formatDuration(-3)).toBe('0 s');
    expect(formatDuration(61.9)).toBe('1 min 1 s');
  });
});

describe('the time-limit mode', () => {
  const individual = { durationMinutes: 45, timeLimitMode: TimeLimitMode.Individual };
  const sessionWide = { durationMinutes: 45, timeLimitMode: TimeLimitMode.SessionWide };

  it('runs 45 min × 1.5 = 4 050 000 ms only when the session uses individual limits', () => {
    expect(participantTimeLimitMs(individual, { timeLimitMultiplier: 1.5 })).toBe(4_050_000);
    expect(participantTimeLimitMs(sessionWide, { timeLimitMultiplier: 1.5 })).toBe(45 * 60_000);
  });

  it('names an own limit only where it applies, as the mail and the clock both read it', () => {
    expect(ownTimeLimitSeconds(individual, { timeLimitMultiplier: 1.5, timeLimitMinutes: null })).toBe(4050);
    expect(ownTimeLimitSeconds(individual, { timeLimitMinutes: 90, timeLimitMultiplier: null })).toBe(5400);
    expect(ownTimeLimitSeconds(individual, { timeLimitMinutes: null, timeLimitMultiplier: null })).toBeNull();
    expect(ownTimeLimitSeconds(sessionWide, { timeLimitMultiplier: 1.5, timeLimitMinutes: null })).toBeNull();
  });
});
