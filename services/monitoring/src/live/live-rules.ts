import { ParticipantStatus } from '@invigil/contracts';

/** The names the product guide uses, as the activity feed prints them. */
export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  [ParticipantStatus.Invited]: 'Invited',
  [ParticipantStatus.Waiting]: 'Waiting',
  [ParticipantStatus.InSession]: 'In Session',
  [ParticipantStatus.Paused]: 'Paused',
  [ParticipantStatus.Complete]: 'Complete',
  [ParticipantStatus.Disconnected]: 'Disconnected',
};

/**
 * Events from different services can arrive in any order. A status reported at `at` replaces
 * the current one only if it is newer; Complete is final, whatever arrives after it.
 */
export function statusApplies(current: ParticipantStatus | null, currentAt: Date | null, next: ParticipantStatus, at: Date): boolean {
  if (current === ParticipantStatus.Complete || current === next) return false;
  if (next === ParticipantStatus.Complete) return true;
  return currentAt === null || at.getTime() >= currentAt.getTime();
}

/** Progress reported at `at` replaces the current counts only if it is not older than them. */
export function progressApplies(currentAt: Date | null, at: Date): boolean {
  return currentAt === null || at.getTime() >= currentAt.getTime();
}

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
};
