/** One warning still to come: `minutes` before the deadline, at `at`. */
export interface UpcomingTimeWarning {
  minutes: number;
  at: Date;
}

/**
 * The warnings still ahead of a deadline, soonest first. A warning whose moment has passed is not
 * given late (a candidate extended to 4 minutes left hears "1 minute", not "5 minutes"), and one
 * longer than the whole remaining time is skipped.
 */
export function upcomingTimeWarnings(deadline: Date, minutes: readonly number[], now: Date): UpcomingTimeWarning[] {
  return [...new Set(minutes)]
    .map((m) => ({ minutes: m, at: new Date(deadline.getTime() - m * 60_000) }))
    .filter((warning) => warning.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The warning as the candidate reads and hears it. */
export function timeWarningText(minutes: number): string {
  return minutes === 1 ? '1 minute remaining.' : `${minutes} minutes remaining.`;
}
