import { utcToZonedLocalTime, ZonedTimeError, zonedLocalTimeToUtc } from './zoned-time';

describe('zonedLocalTimeToUtc', () => {
  it('converts an ordinary local time in winter and summer', () => {
    expect(zonedLocalTimeToUtc('2026-12-01T09:30', 'Europe/Berlin').toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(zonedLocalTimeToUtc('2026-07-01T09:30', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedLocalTimeToUtc('2026-07-01T09:30', 'America/New_York').toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedLocalTimeToUtc('2026-07-01T09:30', 'UTC').toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(zonedLocalTimeToUtc('2026-07-01T09:30', 'Asia/Kolkata').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST: 02:30 does not exist.
    expect(zonedLocalTimeToUtc('2026-03-29T02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToZonedLocalTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:30');
  });

  it('takes the earlier instant of a time that happens twice', () => {
    // 2026-10-25 03:00 CEST falls back to 02:00 CET: 02:30 happens at 00:30Z and 01:30Z.
    expect(zonedLocalTimeToUtc('2026-10-25T02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedLocalTimeToUtc('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses an unknown zone with a clear message naming the field', () => {
    expect(() => zonedLocalTimeToUtc('2026-12-01T09:30', 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
    try {
      zonedLocalTimeToUtc('2026-12-01T09:30', 'Mars/Olympus');
    } catch (error) {
      expect(error).toBeInstanceOf(ZonedTimeError);
      expect((error as ZonedTimeError).field).toBe('timeZone');
    }
  });

  it('refuses dates that do not exist and malformed input', () => {
    expect(() => zonedLocalTimeToUtc('2026-02-30T09:30', 'UTC')).toThrow('not a real date');
    expect(() => zonedLocalTimeToUtc('2026-12-01 09:30', 'UTC')).toThrow('like 2026-12-01T09:30');
  });

  it('accepts optional seconds', () => {
    expect(zonedLocalTimeToUtc('2026-12-01T09:30:15', 'Europe/Berlin').toISOString()).toBe('2026-12-01T08:30:15.000Z');
    expect(() => zonedLocalTimeToUtc('2026-12-01T09:30:61', 'UTC')).toThrow('not a real date');
  });

  it('round-trips with utcToZonedLocalTime', () => {
    expect(utcToZonedLocalTime(zonedLocalTimeToUtc('2026-12-01T23:45', 'Pacific/Auckland'), 'Pacific/Auckland')).toBe(
      '2026-12-01T23:45',
    );
  });
});
