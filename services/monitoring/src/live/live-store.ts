import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { recordEvent } from '@invigil/server-platform';
import { ActivityEntry } from './activity-entry.entity';
import { LiveParticipant } from './live-participant.entity';

export interface ParticipantRef {
  orgId: string;
  sessionId: string;
  userId: string;
}

/**
 * The participant's row, locked for the rest of the handler's transaction so that two events
 * about the same candidate (two replicas, two consumer loops) apply one after the other.
 * Created first with what is known, when an event arrives before the join: `on conflict do
 * nothing` makes a concurrent creator wait for the other's commit instead of failing.
 */
export async function lockParticipant(em: EntityManager, ref: ParticipantRef, at: Date): Promise<LiveParticipant> {
  await em.execute(
    `insert into live_participant (session_id, user_id, org_id, answered_count, total_questions, last_activity_at)
     values (?, ?, ?, 0, coalesce((select question_count from session_info where session_id = ?), 0), ?)
     on conflict do nothing`,
    [ref.sessionId, ref.userId, ref.orgId, ref.sessionId, at],
  );
  return em.findOneOrFail(
    LiveParticipant,
    { sessionId: ref.sessionId, userId: ref.userId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}

/** Records that something happened, and announces the row to proctors' dashboards once it is identified. */
export function touchAndAnnounce(em: EntityManager, row: LiveParticipant, at: Date): void {
  if (at.getTime() > row.lastActivityAt.getTime()) row.lastActivityAt = at;
  if (row.isIdentified()) recordEvent(em, Events.liveParticipantUpdated, { orgId: row.orgId, ...row.toView() });
}

export function logActivity(
  em: EntityManager,
  scope: { orgId: string; sessionId: string },
  participantId: string | null,
  at: Date,
  text: string,
): void {
  em.create(ActivityEntry, { orgId: scope.orgId, sessionId: scope.sessionId, participantId, at, text });
}

/** The event's own time: what the feed shows and what the ordering rules compare. */
export function occurredAt(envelope: EventEnvelope): Date {
  const at = new Date(envelope.occurredAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}
