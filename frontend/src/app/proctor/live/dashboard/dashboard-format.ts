import type { AlertSeverity, LiveParticipantView } from '@invigil/contracts';
import { AttemptStatus, ParticipantStatus } from '@invigil/contracts';
import { formatDuration, highestSeverity, isDisconnected } from '@invigil/domain';
import { formatRemainingTime } from '../../../exam/clock/remaining-time';
import type { TimedAttempt } from '../attempt-clock';
import { remainingNow } from '../attempt-clock';

export const SEVERITY_LABELS: Record<AlertSeverity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * "Online", or "Disconnected · last seen 2 min 5 s ago"; someone who never joined is not "Online",
 * and neither is someone who has finished (their page may be closed, and that is fine).
 */
export function connectivityText(row: LiveParticipantView, now: number): string {
  // A lost exam view is news whatever enrollment's status says (its event may simply not be here yet).
  if (isDisconnected(row)) {
    if (!row.lastSeenAt) return 'Disconnected';
    const seconds = Math.max(0, Math.round((now - Date.parse(row.lastSeenAt)) / 1000));
    return `Disconnected · last seen ${formatDuration(seconds)} ago`;
  }
  if (row.status === ParticipantStatus.Invited) return 'Not joined yet';
  if (row.status === ParticipantStatus.Complete) return 'Finished';
  return 'Online';
}

export interface TimeText {
  elapsed: string;
  remaining: string;
  /** "+10 min extension, 2 min credited", or empty. */
  adjustments: string;
}

/** Elapsed and remaining time of a started attempt, with what the proctor added. */
export function timeText(row: LiveParticipantView, attempt: TimedAttempt | undefined, now: number): TimeText {
  const extension = attempt?.summary.extensionMinutes ?? row.extensionMinutes ?? 0;
  const credited = attempt?.summary.creditedSeconds ?? row.creditedSeconds ?? 0;
  const parts: string[] = [];
  if (extension > 0) parts.push(`+${extension} min extension`);
  if (credited > 0) parts.push(`${formatDuration(credited)} credited`);
  const adjustments = parts.join(', ');
  if (!attempt) return { elapsed: '—', remaining: 'Not started', adjustments };
  const { summary } = attempt;
  const startedAt = summary.startedAt ? Date.parse(summary.startedAt) : null;
  const end = summary.submittedAt ? Date.parse(summary.submittedAt) : now;
  const elapsed = startedAt === null ? '—' : formatRemainingTime(Math.max(0, Math.floor((end - startedAt) / 1000)));
  if (summary.status === AttemptStatus.Submitted)
    return { elapsed, remaining: summary.autoSubmitted ? 'Submitted (time ran out)' : 'Submitted', adjustments };
  const left = formatRemainingTime(remainingNow(attempt, now));
  return { elapsed, remaining: summary.paused ? `${left} (paused)` : left, adjustments };
}

export function severityOf(row: LiveParticipantView): AlertSeverity | null {
  return highestSeverity(row.alerts);
}
