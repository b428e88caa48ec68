/** The browser's own IANA time zone (the candidate's), falling back to UTC. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "Tuesday, 1 December 2026 at 10:00 (America/New_York)": a UTC instant in the reader's zone. */
export function formatStart(instantIso: string, timeZone: string, locale = 'en-GB'): string {
  const text = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(instantIso),
  );
  return `${text} (${timeZone})`;
}

/** "2 d 03:04:05", "03:04:05" or "04:05"; "now" at or after the start. */
export function formatUntil(milliseconds: number): string {
  if (milliseconds <= 0) return 'now';
  const total = Math.ceil(milliseconds / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = hours || days ? `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
  return days ? `${days} d ${clock}` : clock;
}
