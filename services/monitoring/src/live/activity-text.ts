import { ParticipantStatus, SignalKind } from '@invigil/contracts';
import { formatDuration } from '@invigil/domain';

/** The names the product guide uses, as the activity feed prints them. */
export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  [ParticipantStatus.Invited]: 'Invited',
  [ParticipantStatus.Waiting]: 'Waiting',
  [ParticipantStatus.InSession]: 'In Session',
  [ParticipantStatus.Paused]: 'Paused',
  [ParticipantStatus.Complete]: 'Complete',
  [ParticipantStatus.Disconnected]: 'Disconnected',
};

/** Until the join arrives a participant has no name; the feed still says what happened. */
export function who(displayName: string | null): string {
  return displayName ?? 'A participant';
}

/** The activity feed's sentences. */
export const ActivityText = {
  sessionCreated: (name: string) => `Session "${name}" created`,
  sessionStarted: () => 'Session started',
  joined: (name: string) => `${name} joined`,
  status: (name: string, status: ParticipantStatus) => `${name} is ${STATUS_LABELS[status]}`,
  progressed: (name: string, answered: number, total: number) => `${name} answered ${answered}/${total}`,
  submitted: (name: string) => `${name} submitted`,
  scored: (name: string, percent: number) => `${name} scored ${Math.round(percent)}%`,
  sessionPaused: () => 'Session paused',
  sessionResumed: () => 'Session resumed',
  pausedByProctor: (name: string) => `${name} was paused by the proctor`,
  resumed: (name: string) => `${name} resumed`,
  extended: (name: string, minutes: number) => `${name} was given ${minutes} more minute${minutes === 1 ? '' : 's'}`,
  disconnected: (name: string) => `${name} disconnected`,
  reconnected: (name: string, seconds: number) => `${name} reconnected after ${formatDuration(seconds)}`,
  reopened: (name: string, minutes: number, reason: string) =>
    `${name}'s attempt was reopened with ${minutes} minute${minutes === 1 ? '' : 's'}: ${reason}`,
  credited: (name: string, seconds: number) => `${name} was credited ${formatDuration(seconds)} of time offline`,
  viewReleased: (name: string) => `${name}'s live view was released for another device`,
  alert: (name: string, kind: SignalKind) => `Alert: ${name} ${SIGNAL_PHRASES[kind]}`,
};

/** What each signal means, as the end of a sentence about the candidate. */
export const SIGNAL_PHRASES: Record<SignalKind, string> = {
  [SignalKind.FullscreenExited]: 'left fullscreen',
  [SignalKind.TabHidden]: 'switched to another tab',
  [SignalKind.WindowBlurred]: 'switched to another window',
  [SignalKind.CopyAttempted]: 'tried to copy',
  [SignalKind.CutAttempted]: 'tried to cut',
  [SignalKind.PasteAttempted]: 'tried to paste',
  [SignalKind.ContextMenu]: 'opened the context menu',
  [SignalKind.PrintAttempted]: 'tried to print',
  [SignalKind.DevtoolsOpened]: 'opened the developer tools',
  [SignalKind.MultipleScreens]: 'has more than one screen',
  [SignalKind.ScreenShareStopped]: 'stopped sharing the screen',
  [SignalKind.ViewTakenOver]: 'opened the exam in another tab or on another device',
};
