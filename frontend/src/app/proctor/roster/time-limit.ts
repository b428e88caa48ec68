import type { ParticipantView } from '@invigil/contracts';
import type { IndividualTimeLimit, TimedSession } from '@invigil/domain';
import { formatDuration, individualTimeLimitSeconds, usesIndividualLimits } from '@invigil/domain';

/** The participant's own limit as entered: "1 h 30 min", "1.5×", or "1.5× (1 h 7 min 30 s)" when the duration is known. */
function ownLimitLabel(participant: IndividualTimeLimit, durationMinutes: number | null): string | null {
  if (participant.timeLimitMinutes != null) return formatDuration(participant.timeLimitMinutes * 60);
  if (participant.timeLimitMultiplier == null) return null;
  if (durationMinutes === null) return `${participant.timeLimitMultiplier}×`;
  const seconds = individualTimeLimitSeconds(durationMinutes, true, participant);
  return `${participant.timeLimitMultiplier}× (${formatDuration(seconds)})`;
}

/**
 * The roster's limit column, by the rule the candidate's clock follows: an own limit counts only
 * when the session uses individual limits; in a session-wide session it is shown as not applied.
 */
export function describeTimeLimit(participant: IndividualTimeLimit, session: TimedSession | null): string {
  const own = ownLimitLabel(participant, session?.durationMinutes ?? null);
  if (own === null) return 'Session-wide';
  if (session && !usesIndividualLimits(session)) return `Session-wide (${own} not applied)`;
  return own;
}

/** Invitation state: emailed (when), added without an email (code handed out), or joined with the code. */
export function describeInvitation(participant: Pick<ParticipantView, 'invitedAt' | 'invitationSentAt'>): string {
  if (participant.invitationSentAt) return `Emailed ${new Date(participant.invitationSentAt).toLocaleString()}`;
  if (participant.invitedAt) return 'Added, no email (code handed out)';
  return 'Joined with the code';
}
