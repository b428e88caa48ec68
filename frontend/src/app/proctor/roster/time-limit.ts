import { ParticipantView } from '@invigil/contracts';
import { formatDuration, individualTimeLimitSeconds } from '@invigil/domain';

/** "1 h 30 min", "1.5× (1 h 7 min 30 s)" or "Session-wide" for the roster table. */
export function describeTimeLimit(
  participant: Pick<ParticipantView, 'timeLimitMinutes' | 'timeLimitMultiplier'>,
  durationMinutes: number | null,
): string {
  if (participant.timeLimitMinutes != null) return formatDuration(participant.timeLimitMinutes * 60);
  if (participant.timeLimitMultiplier != null) {
    if (durationMinutes === null) return `${participant.timeLimitMultiplier}×`;
    const seconds = individualTimeLimitSeconds(durationMinutes, true, participant);
    return `${participant.timeLimitMultiplier}× (${formatDuration(seconds)})`;
  }
  return 'Session-wide';
}

/** Invitation state: emailed (when), added without an email (code handed out), or joined with the code. */
export function describeInvitation(participant: Pick<ParticipantView, 'invitedAt' | 'invitationSentAt'>): string {
  if (participant.invitationSentAt) return `Emailed ${new Date(participant.invitationSentAt).toLocaleString()}`;
  if (participant.invitedAt) return 'Added, no email (code handed out)';
  return 'Joined with the code';
}
