import type { AlertCounts, LiveCounters, LiveParticipantView } from '@invigil/contracts';
import { AlertSeverity, ParticipantStatus, SignalKind } from '@invigil/contracts';

/**
 * How much each suspicious-activity signal matters to a proctor watching 200 candidates. High: the
 * exam may be in someone else's hands or on a second screen; medium: content may leave or enter the
 * exam; low: attention left the page, which also happens innocently (a notification, a click outside).
 */
export const SIGNAL_SEVERITY: Record<SignalKind, AlertSeverity> = {
  [SignalKind.ViewTakenOver]: AlertSeverity.High,
  [SignalKind.MultipleScreens]: AlertSeverity.High,
  [SignalKind.DevtoolsOpened]: AlertSeverity.High,
  [SignalKind.ScreenShareStopped]: AlertSeverity.High,
  [SignalKind.CopyAttempted]: AlertSeverity.Medium,
  [SignalKind.CutAttempted]: AlertSeverity.Medium,
  [SignalKind.PasteAttempted]: AlertSeverity.Medium,
  [SignalKind.PrintAttempted]: AlertSeverity.Medium,
  [SignalKind.FullscreenExited]: AlertSeverity.Medium,
  [SignalKind.TabHidden]: AlertSeverity.Low,
  [SignalKind.WindowBlurred]: AlertSeverity.Low,
  [SignalKind.ContextMenu]: AlertSeverity.Low,
};

/** A kind this version does not know (a newer sender) counts as medium rather than being dropped. */
export function signalSeverity(kind: string): AlertSeverity {
  return SIGNAL_SEVERITY[kind as SignalKind] ?? AlertSeverity.Medium;
}

/** Severities from the most to the least urgent. */
export const ALERT_SEVERITIES_DESC: readonly AlertSeverity[] = [
  AlertSeverity.High,
  AlertSeverity.Medium,
  AlertSeverity.Low,
];

export const noAlerts = (): AlertCounts => ({ low: 0, medium: 0, high: 0 });

/** The most urgent severity among a candidate's open alerts, or null when there are none. */
export function highestSeverity(alerts: AlertCounts | undefined): AlertSeverity | null {
  if (!alerts) return null;
  return ALERT_SEVERITIES_DESC.find((severity) => alerts[severity] > 0) ?? null;
}

/** 3 for high, 2 medium, 1 low, 0 none: what sorting by severity compares. */
export function severityRank(severity: AlertSeverity | null): number {
  return severity === null ? 0 : ALERT_SEVERITIES_DESC.length - ALERT_SEVERITIES_DESC.indexOf(severity);
}

/**
 * Whether a candidate counts as disconnected: the attempt lost its view (monitoring's `connected`)
 * or enrollment moved them to Disconnected. Complete candidates are never disconnected.
 */
export function isDisconnected(row: LiveParticipantView): boolean {
  if (row.status === ParticipantStatus.Complete) return false;
  return row.status === ParticipantStatus.Disconnected || row.connected === false;
}

/** The counters above the dashboard, the same on the server (GET /live) and after each pushed delta. */
export function liveCounters(rows: readonly LiveParticipantView[]): LiveCounters {
  const counters: LiveCounters = {
    invited: 0,
    waiting: 0,
    inSession: 0,
    disconnected: 0,
    complete: 0,
    alerts: noAlerts(),
    unreadMessages: 0,
    handsRaised: 0,
  };
  for (const row of rows) {
    if (row.status === ParticipantStatus.Invited) counters.invited += 1;
    else if (row.status === ParticipantStatus.Waiting) counters.waiting += 1;
    else if (row.status === ParticipantStatus.Complete) counters.complete += 1;
    if (isDisconnected(row)) counters.disconnected += 1;
    else if (row.status === ParticipantStatus.InSession || row.status === ParticipantStatus.Paused)
      counters.inSession += 1;
    for (const severity of ALERT_SEVERITIES_DESC) counters.alerts[severity] += row.alerts?.[severity] ?? 0;
    counters.unreadMessages += row.unreadMessages ?? 0;
    if (row.handRaised) counters.handsRaised += 1;
  }
  return counters;
}
