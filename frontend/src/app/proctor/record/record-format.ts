import type { RecordActor, RecordEntryView, RecordVerification } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';

/** What the proctor filters the record by; empty strings mean "any". */
export interface RecordFilters {
  kind: RecordKind | '';
  userId: string;
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
}

export const NO_FILTERS: RecordFilters = { kind: '', userId: '', from: '', to: '' };

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  [RecordKind.SessionCreated]: 'Session created',
  [RecordKind.SessionRescheduled]: 'Session rescheduled',
  [RecordKind.SessionStarted]: 'Session started',
  [RecordKind.SessionPaused]: 'Session paused',
  [RecordKind.SessionResumed]: 'Session resumed',
  [RecordKind.SessionEnded]: 'Session ended',
  [RecordKind.SessionEnding]: 'End Session confirmed (grace running)',
  [RecordKind.SessionCancelled]: 'Session cancelled',
  [RecordKind.ParticipantAdded]: 'Added to roster',
  [RecordKind.ParticipantRemoved]: 'Removed from roster',
  [RecordKind.ParticipantJoined]: 'Joined',
  [RecordKind.StatusChanged]: 'Status changed',
  [RecordKind.TimeLimitChanged]: 'Time limit changed',
  [RecordKind.IdentitySubmitted]: 'Identity submitted',
  [RecordKind.IdentityDecided]: 'Identity decided',
  [RecordKind.AttemptPaused]: 'Paused',
  [RecordKind.AttemptResumed]: 'Resumed',
  [RecordKind.AttemptExtended]: 'Time extended',
  [RecordKind.AttemptDisconnected]: 'Disconnected',
  [RecordKind.AttemptReconnected]: 'Reconnected',
  [RecordKind.AttemptSubmitted]: 'Submitted',
  [RecordKind.AlertRaised]: 'Alert',
  [RecordKind.MessageSent]: 'Message',
  [RecordKind.ResultRecorded]: 'Result',
  [RecordKind.AttemptReopened]: 'Attempt reopened',
  [RecordKind.TimeCredited]: 'Lost time credited',
  [RecordKind.ViewReleased]: 'Live view released',
  [RecordKind.IncidentFiled]: 'Incident filed',
  [RecordKind.PrivateMessageSent]: 'Private message',
  [RecordKind.MessageReceipt]: 'Message receipt',
  [RecordKind.HandRaised]: 'Hand raised or lowered',
  [RecordKind.ReviewIdentitiesRevealed]: 'Reviewer identities revealed',
  [RecordKind.ResultsReleased]: 'Results released',
};

/** The query of one page: only the filters that are set, local times sent as UTC instants. */
export function recordQueryParams(
  filters: RecordFilters,
  afterSeq: number | null,
  limit: number,
): Record<string, string> {
  const params: Record<string, string> = { limit: String(limit) };
  if (filters.kind) params['kind'] = filters.kind;
  if (filters.userId) params['userId'] = filters.userId;
  if (filters.from) params['from'] = new Date(filters.from).toISOString();
  if (filters.to) params['to'] = new Date(filters.to).toISOString();
  if (afterSeq !== null) params['afterSeq'] = String(afterSeq);
  return params;
}

/** Who did it, with a name where the roster knows the user. */
export function actorLabel(actor: RecordActor, nameOf: (userId: string) => string | null): string {
  if (actor.type === 'system') return 'System';
  if (actor.type === 'deadline') return 'Deadline';
  const name = actor.userId ? (nameOf(actor.userId) ?? actor.userId) : null;
  if (actor.type === 'candidate') return name ?? 'Candidate';
  const role = actor.role === 'admin' ? 'Admin' : actor.role === 'proctor' ? 'Proctor' : 'Staff';
  return name ? `${role}: ${name}` : `${role} (not named by the event)`;
}

/** The detail as one readable line: `key: value` pairs, nested objects flattened with dots. */
export function detailLine(entry: RecordEntryView): string {
  const parts: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      // A list of objects (an incident's affected users): each flattened under its place, [1], [2]…
      value.forEach((item, index) => walk(item, `${path}[${index + 1}]`));
    } else if (Array.isArray(value)) {
      parts.push(`${path}: ${value.length ? value.join(' ') : '—'}`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    } else parts.push(`${path}: ${value === null ? '—' : String(value)}`);
  };
  walk(entry.detail, '');
  return parts.join(', ');
}

/** What the Verify button reports. */
export function verificationText(result: RecordVerification): string {
  if (result.intact) return `Intact: all ${result.entryCount} entries verify.`;
  const broken = result.brokenAt;
  if (!broken) return 'Broken.';
  return `Broken at entry ${broken.seq}: ${broken.reason} (expected ${broken.expectedHash.slice(0, 12)}…, stored ${
    broken.storedHash ? `${broken.storedHash.slice(0, 12)}…` : 'none'
  }).`;
}
