import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The next seq of a session's messages. The session's lock is held until the transaction ends, so
 * seqs of one session commit in order: a client that saw seq n never misses a later-committed n-1.
 */
export async function nextMessageSeq(em: EntityManager, sessionId: string): Promise<number> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`messages:${sessionId}`]);
  const schema = em.config.get('schema');
  const sequence = schema ? `"${schema}"."message_seq"` : `"message_seq"`;
  const rows = await em.execute<{ seq: string }[]>(`select nextval('${sequence}') as seq`);
  return Number(rows[0]?.seq);
}
