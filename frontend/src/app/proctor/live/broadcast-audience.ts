import type { LiveParticipantView, ParticipantStatus } from '@invigil/contracts';

/** Who a broadcast goes to: everyone, the candidates ticked, or everyone with one status right now. */
export type BroadcastAudience =
  | { mode: 'everyone' }
  | { mode: 'selected'; userIds: ReadonlySet<string> }
  | { mode: 'status'; status: ParticipantStatus };

/**
 * The recipients to send, or why there are none. A filter is resolved when sending: the candidates
 * it matches then are the ones the message is for, even if their status changes a moment later.
 */
export function broadcastRecipients(
  audience: BroadcastAudience,
  participants: readonly LiveParticipantView[],
): { ok: true; recipientUserIds?: string[] } | { ok: false; reason: string } {
  if (audience.mode === 'everyone') return { ok: true };
  const chosen =
    audience.mode === 'selected'
      ? participants.filter((p) => audience.userIds.has(p.userId))
      : participants.filter((p) => p.status === audience.status);
  if (chosen.length === 0) {
    return {
      ok: false,
      reason:
        audience.mode === 'selected'
          ? 'Tick at least one candidate to send to, or send to everyone.'
          : 'Nobody has that status right now. Choose another status, or send to everyone.',
    };
  }
  return { ok: true, recipientUserIds: chosen.map((p) => p.userId) };
}
