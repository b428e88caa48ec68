import { ParticipantStatus, SessionStatus } from '@invigil/contracts';

/** The names the product guide uses for participant states. */
const participantLabels: Record<ParticipantStatus, string> = {
  [ParticipantStatus.Invited]: 'Invited',
  [ParticipantStatus.Waiting]: 'Waiting',
  [ParticipantStatus.InSession]: 'In Session',
  [ParticipantStatus.Paused]: 'Paused',
  [ParticipantStatus.Complete]: 'Complete',
  [ParticipantStatus.Disconnected]: 'Disconnected',
};

const sessionLabels: Record<SessionStatus, string> = {
  [SessionStatus.Draft]: 'Draft',
  [SessionStatus.Scheduled]: 'Scheduled',
  [SessionStatus.Open]: 'Open',
  [SessionStatus.InProgress]: 'In Progress',
  [SessionStatus.Paused]: 'Paused',
  [SessionStatus.Ended]: 'Ended',
  [SessionStatus.Cancelled]: 'Cancelled',
};

export function participantStatusLabel(status: ParticipantStatus): string {
  return participantLabels[status] ?? status;
}

export function sessionStatusLabel(status: SessionStatus): string {
  return sessionLabels[status] ?? status;
}

/** Scores are shown as whole percents unless a fraction matters (66.7%); no score yet is a dash. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '—';
  return `${Math.round(percent * 10) / 10}%`;
}
