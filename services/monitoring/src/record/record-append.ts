import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordActor, RecordDetail, RecordKind } from '@invigil/contracts';
import type { ChainedEntry } from './record-chain';
import { entryHash, GENESIS_HASH } from './record-chain';

/** What a handler states; the place in the chain and the hashes are added here. */
export interface NewRecordEntry {
  orgId: string;
  sessionId: string;
  kind: RecordKind;
  userId: string | null;
  actor: RecordActor;
  detail: RecordDetail;
}

/**
 * Appends one entry to its session's chain inside the caller's transaction (an event handler's). The chain head
 * row is locked `for update` first, so appends to one session (from any replica) take turns and
 * every entry links to the one committed before it; the head's `on conflict do nothing` makes a
 * second first-appender wait for the first one's commit instead of failing.
 */
export async function appendRecordEntry(
  em: EntityManager,
  source: RecordSource,
  entry: NewRecordEntry,
): Promise<ChainedEntry> {
  await em.execute(
    `insert into record_chain (session_id, org_id, last_seq, last_hash) values (?, ?, 0, ?) on conflict do nothing`,
    [entry.sessionId, entry.orgId, GENESIS_HASH],
  );
  const [head] = await em.execute<{ last_seq: number; last_hash: string }[]>(
    `select last_seq, last_hash from record_chain where session_id = ? for update`,
    [entry.sessionId],
  );
  if (!head) throw new Error(`The record chain head of session ${entry.sessionId} vanished inside its transaction`);
  const chained: ChainedEntry = {
    ...entry,
    seq: head.last_seq + 1,
    at: source.at.toISOString(),
    eventId: source.id,
  };
  const hash = entryHash(head.last_hash, chained);
  await em.execute(
    `insert into record_entry
       (session_id, seq, org_id, at, kind, user_id, actor_type, actor_id, actor_role, detail, event_id, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
    [
      chained.sessionId,
      chained.seq,
      chained.orgId,
      chained.at,
      chained.kind,
      chained.userId,
      chained.actor.type,
      chained.actor.userId,
      chained.actor.role,
      JSON.stringify(chained.detail),
      chained.eventId,
      head.last_hash,
      hash,
    ],
  );
  await em.execute(`update record_chain set last_seq = ?, last_hash = ? where session_id = ?`, [
    chained.seq,
    hash,
    chained.sessionId,
  ]);
  return chained;
}

/** What an entry was made from: an event's id and time, or a request's own id and time. */
export interface RecordSource {
  id: string;
  /** Kept to the millisecond, as the column is, so the hash can be recomputed from the row. */
  at: Date;
}

export function eventSource(envelope: { eventId: string; occurredAt: string }): RecordSource {
  const at = new Date(envelope.occurredAt);
  return { id: envelope.eventId, at: Number.isNaN(at.getTime()) ? new Date() : at };
}
