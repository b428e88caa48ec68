/** Remaining times, in seconds, a screen reader is told about once: five minutes and one minute left. */
export const timeWarningSeconds = [300, 60] as const;

export interface TimeWarningState {
  /** Thresholds already announced; one the clock rises above again (an extension) may be announced again. */
  announced: readonly number[];
  /** What to announce now, or null. */
  message: string | null;
}

/**
 * Decides whether a new reading of the remaining time deserves an announcement. Called on every
 * tick, it speaks only when a threshold is crossed, so the timer itself is never read out. A page
 * opened with 40 seconds left hears "1 minute left" once, not the five-minute warning too.
 */
export function nextTimeWarning(remainingSeconds: number, announced: readonly number[]): TimeWarningState {
  const stillAnnounced = announced.filter((threshold) => remainingSeconds <= threshold);
  const due = timeWarningSeconds.filter(
    (threshold) => remainingSeconds <= threshold && !stillAnnounced.includes(threshold),
  );
  if (due.length === 0 || remainingSeconds <= 0) return { announced: [...stillAnnounced, ...due], message: null };
  const closest = Math.min(...due);
  return { announced: [...stillAnnounced, ...due], message: describeWarning(closest) };
}

function describeWarning(thresholdSeconds: number): string {
  const minutes = Math.round(thresholdSeconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left. Your answers are saved as you go.`;
}
