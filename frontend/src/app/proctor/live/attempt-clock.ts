import type { AttemptSummaryView } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { formatDuration } from '@invigil/domain';
import { formatRemainingTime } from '../../exam/clock/remaining-time';

/** A server reading of one attempt and when it arrived, so the page can count down between readings. */
export interface TimedAttempt {
  summary: AttemptSummaryView;
  receivedAt: number;
}

export function timedAttempts(summaries: AttemptSummaryView[], receivedAt = Date.now()): Map<string, TimedAttempt> {
  return new Map(summaries.map((summary) => [summary.userId, { summary, receivedAt }]));
}

/** Remaining seconds now: the server's figure, counted down locally while the clock runs. */
export function remainingNow({ summary, receivedAt }: TimedAttempt, now: number): number {
  const running = summary.status === AttemptStatus.InProgress && !summary.paused;
  // The page clock ticks once a second, so it may still read a moment before the reading arrived.
  const elapsed = running ? Math.max(0, Math.floor((now - receivedAt) / 1000)) : 0;
  return Math.max(0, summary.remainingSeconds - elapsed);
}

/** "12:30", "12:30 (paused)", "Submitted" or "Submitted (time ran out)". */
export function describeRemaining(attempt: TimedAttempt, now: number): string {
  const { summary } = attempt;
  if (summary.status === AttemptStatus.Submitted)
    return summary.autoSubmitted ? 'Submitted (time ran out)' : 'Submitted';
  const time = formatRemainingTime(remainingNow(attempt, now));
  return summary.paused ? `${time} (paused)` : time;
}

/** "—" when never disconnected, else the total time offline, e.g. "2 min 5 s". */
export function describeDisconnected(seconds: number): string {
  if (seconds <= 0) return '—';
  return formatDuration(seconds);
}
