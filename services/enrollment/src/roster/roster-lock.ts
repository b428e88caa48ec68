import type { EntityManager } from '@mikro-orm/postgresql';
import type { SessionView } from '@invigil/contracts';
import { finishedSessionMessage } from '@invigil/domain';
import { RpcError } from '@invigil/server-platform';

/**
 * Serialises every roster change of one session: a transaction-scoped PostgreSQL advisory lock on
 * the session id, released at commit or rollback. Seat counting happens under it, so concurrent
 * joins cannot overfill a session.
 */
export async function lockSessionRoster(em: EntityManager, sessionId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`roster:${sessionId}`]);
}

export function assertRosterOpen(session: SessionView): void {
  const finished = finishedSessionMessage(session);
  if (finished) throw RpcError.conflict(`${finished}; its roster can no longer change.`);
}
