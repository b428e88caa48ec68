/**
 * The value of an <input type="datetime-local"> (the proctor's own wall-clock time, e.g.
 * 2026-12-03T14:30) as a UTC ISO instant; null when empty or not a date.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
