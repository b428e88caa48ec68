import { ParticipantView } from '@invigil/contracts';

/** "90 min", "1.5× (68 min)" or "Session-wide" for the roster table. */
export function describeTimeLimit(participant: Pick<ParticipantView, 'timeLimitMinutes' | 'timeLimitMultiplier'>, durationMinutes: number | null): string {
  if (participant.timeLimitMinutes != null) return `${participant.timeLimitMinutes} min`;
  if (participant.timeLimitMultiplier != null) {
    const minutes = durationMinutes === null ? null : Math.ceil(durationMinutes * participant.timeLimitMultiplier - 1e-9);
    return minutes === null ? `${participant.timeLimitMultiplier}×` : `${participant.timeLimitMultiplier}× (${minutes} min)`;
  }
  return 'Session-wide';
}

/** Invitation state: emailed (when), added without an email (code handed out), or joined with the code. */
export function describeInvitation(participant: Pick<ParticipantView, 'invitedAt' | 'invitationSentAt'>): string {
  if (participant.invitationSentAt) return `Emailed ${new Date(participant.invitationSentAt).toLocaleString()}`;
  if (participant.invitedAt) return 'Added, no email (code handed out)';
  return 'Joined with the code';
}
