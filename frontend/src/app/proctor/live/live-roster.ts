import type { LiveParticipantUpdatedEvent, LiveParticipantView } from '@invigil/contracts';
import { ParticipantStatus } from '@invigil/contracts';
import { formatPercent, participantStatusLabel } from '../../shared/status-labels';

export interface ActivityEntry {
  at: string;
  text: string;
}

/** Keep the feed readable and the page light during long sessions. */
export const maxActivityEntries = 200;

/** The pushed row delta as a dashboard row (everything but the envelope's scope and the removal flag). */
export function toLiveParticipant(event: LiveParticipantUpdatedEvent): LiveParticipantView {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { orgId, removed, ...row } = event;
  return { ...row, scorePercent: event.scorePercent ?? null };
}

/** Drops a row taken off the roster. */
export function removeParticipant(rows: LiveParticipantView[], participantId: string): LiveParticipantView[] {
  return rows.filter((row) => row.participantId !== participantId);
}

/**
 * Inserts or replaces one row by participant id. Events and snapshots can arrive out of order
 * (a slow GET /live answered after a newer push), so a row older than the one shown is ignored.
 */
export function upsertParticipant(rows: LiveParticipantView[], incoming: LiveParticipantView): LiveParticipantView[] {
  const index = rows.findIndex((row) => row.participantId === incoming.participantId);
  const shown = index === -1 ? undefined : rows[index];
  if (shown === undefined) return [...rows, incoming];
  if (isOlder(incoming, shown)) return rows;
  return rows.map((row, i) => (i === index ? incoming : row));
}

/** Applies a whole snapshot row by row, so rows updated by pushes meanwhile are not rolled back. */
export function mergeSnapshot(rows: LiveParticipantView[], snapshot: LiveParticipantView[]): LiveParticipantView[] {
  return snapshot.reduce(upsertParticipant, rows);
}

/** One line for the activity feed saying what changed for a participant, or null when nothing shown changed. */
export function describeParticipantChange(
  previous: LiveParticipantView | undefined,
  next: LiveParticipantView,
): string | null {
  const name = next.displayName;
  if (!previous && next.status === ParticipantStatus.Invited) return `${name} was added to the roster`;
  if (!previous) return `${name} joined (${participantStatusLabel(next.status)})`;
  const changes: string[] = [];
  if (previous.status !== next.status) changes.push(`is now ${participantStatusLabel(next.status)}`);
  if (previous.answeredCount !== next.answeredCount)
    changes.push(`answered ${next.answeredCount}/${next.totalQuestions}`);
  if (!previous.handRaised && next.handRaised) changes.push('raised a hand');
  if (previous.scorePercent !== next.scorePercent && next.scorePercent !== null) {
    changes.push(`scored ${formatPercent(next.scorePercent)}`);
  }
  return changes.length ? `${name} ${changes.join(', ')}` : null;
}

export function prependActivity(feed: ActivityEntry[], entry: ActivityEntry): ActivityEntry[] {
  return [entry, ...feed].slice(0, maxActivityEntries);
}

export function newestActivityFirst(feed: ActivityEntry[]): ActivityEntry[] {
  return [...feed].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, maxActivityEntries);
}

function isOlder(incoming: LiveParticipantView, shown: LiveParticipantView): boolean {
  return Date.parse(incoming.lastActivityAt) < Date.parse(shown.lastActivityAt);
}
