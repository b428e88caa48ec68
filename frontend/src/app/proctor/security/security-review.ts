import type { AlertRaisedEvent, SignalView, SnapshotView } from '@invigil/contracts';
import { SignalKind } from '@invigil/contracts';

/** What each signal means, in the proctor's words. */
const signalLabels: Record<SignalKind, string> = {
  [SignalKind.FullscreenExited]: 'Left full screen',
  [SignalKind.TabHidden]: 'Switched to another tab or app',
  [SignalKind.WindowBlurred]: 'Left the exam window',
  [SignalKind.CopyAttempted]: 'Tried to copy',
  [SignalKind.CutAttempted]: 'Tried to cut',
  [SignalKind.PasteAttempted]: 'Tried to paste',
  [SignalKind.ContextMenu]: 'Opened the context menu',
  [SignalKind.PrintAttempted]: 'Tried to print',
  [SignalKind.DevtoolsOpened]: 'Probably opened developer tools',
  [SignalKind.MultipleScreens]: 'Has more than one screen',
  [SignalKind.ScreenShareStopped]: 'Stopped sharing the screen',
  [SignalKind.ViewTakenOver]: 'Opened the exam in another tab or device',
};

/** A kind this page does not know yet is still shown, readably. */
export function signalLabel(kind: string): string {
  return signalLabels[kind as SignalKind] ?? kind.replace(/_/g, ' ');
}

export interface AlertEntry {
  id: string;
  userId: string;
  kind: string;
  occurredAt: string;
  detail: string | null;
}

export const maxAlertsShown = 300;

export function alertOfSignal(signal: SignalView): AlertEntry {
  return {
    id: signal.id,
    userId: signal.userId,
    kind: signal.kind,
    occurredAt: signal.occurredAt,
    detail: signal.detail,
  };
}

export function alertOfEvent(event: AlertRaisedEvent): AlertEntry {
  return {
    id: event.alertId,
    userId: event.userId,
    kind: event.kind,
    occurredAt: event.occurredAt,
    detail: event.detail ?? null,
  };
}

/** Newest first, each alert once (a push may repeat what the list already holds), the oldest cut off. */
export function mergeAlerts(current: readonly AlertEntry[], incoming: readonly AlertEntry[]): AlertEntry[] {
  const byId = new Map(current.map((alert) => [alert.id, alert]));
  for (const alert of incoming) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, maxAlertsShown);
}

export interface LatestSnapshot {
  snapshotId: string;
  userId: string;
  capturedAt: string;
}

/** The newest snapshot of each candidate; a late, older one never replaces a newer one. */
export function latestPerCandidate(
  current: readonly LatestSnapshot[],
  incoming: readonly LatestSnapshot[],
): LatestSnapshot[] {
  const byUser = new Map(current.map((snapshot) => [snapshot.userId, snapshot]));
  for (const snapshot of incoming) {
    const known = byUser.get(snapshot.userId);
    if (!known || known.capturedAt < snapshot.capturedAt) byUser.set(snapshot.userId, snapshot);
  }
  return [...byUser.values()];
}

export function latestOf(view: SnapshotView): LatestSnapshot {
  return { snapshotId: view.id, userId: view.userId, capturedAt: view.capturedAt };
}

/** Local time of day with seconds: alerts within a minute must be told apart. */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
