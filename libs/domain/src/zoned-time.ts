/**
 * Local wall-clock time in an IANA time zone → UTC instant, with the built-in Intl API only.
 *
 * Disambiguation follows Temporal's "compatible" rule:
 * - a time that does not exist (the spring-forward gap) moves forward by the gap's length
 *   (02:30 in Europe/Berlin on the last Sunday of March → 03:30 CEST);
 * - a time that happens twice (the fall-back overlap) is the earlier of the two instants.
 */
export class ZonedTimeError extends Error {
  constructor(
    readonly field: 'timeZone' | 'scheduledLocalTime',
    message: string,
  ) {
    super(message);
  }
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at instant `ms`, expressed as if it were UTC (ms since epoch). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = new Map<Intl.DateTimeFormatPartTypes, number>();
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts.set(part.type, Number(part.value));
  }
  const read = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.get(type);
    // The formatter is built to give every one of these parts.
    if (value === undefined) throw new Error(`Formatting an instant in ${timeZone} gave no ${type}`);
    return value;
  };
  return Date.UTC(read('year'), read('month') - 1, read('day'), read('hour') % 24, read('minute'), read('second'));
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The numbers in `local` like 2026-12-01T09:30 (seconds 0 when left out), or undefined when it is not in that form. */
function localFields(local: string): LocalFields | undefined {
  const [, year, month, day, hour, minute, second = '0'] = LOCAL_PATTERN.exec(local) ?? [];
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined)
    return undefined;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
}

/** `local` like 2026-12-01T09:30 (or 09:30:15), read in `timeZone`; throws ZonedTimeError naming the field at fault. */
export function zonedLocalTimeToUtc(local: string, timeZone: string): Date {
  if (!isKnownTimeZone(timeZone)) {
    throw new ZonedTimeError(
      'timeZone',
      `Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin, America/New_York or UTC`,
    );
  }
  const fields = localFields(local);
  if (!fields)
    throw new ZonedTimeError('scheduledLocalTime', `"${local}" is not a local date and time like 2026-12-01T09:30`);
  const { year, month, day, hour, minute, second } = fields;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(localMs);
  const same = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  if (!same || check.getUTCHours() !== hour || check.getUTCMinutes() !== minute || check.getUTCSeconds() !== second) {
    throw new ZonedTimeError('scheduledLocalTime', `"${local}" is not a real date and time`);
  }
  const offsetBefore = zoneOffsetMs(localMs - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(localMs + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => localMs - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === localMs)
    .sort((a, b) => a - b);
  // Overlap: two candidates, the earlier wins. Gap: none exists; read it with the offset before the change.
  return new Date(candidates[0] ?? localMs - offsetBefore);
}

/** The instant shown as local wall-clock time in `timeZone`, like 2026-12-01T09:30. */
export function utcToZonedLocalTime(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** A UTC instant shown in the reader's IANA time zone, e.g. "Tuesday, 1 December 2026 at 10:30 (Europe/Berlin)". */
export function formatInZone(instant: Date, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const text = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(
    instant,
  );
  return `${text} (${zone})`;
}
