import type { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RpcError } from '@invigil/server-platform';
import { ProctoredSession } from './proctored-session.entity';

export async function findSessionOrFail(
  em: EntityManager,
  orgId: string,
  sessionId: string,
  lockMode?: LockMode,
): Promise<ProctoredSession> {
  const session = await em.findOne(ProctoredSession, { id: sessionId, orgId }, lockMode ? { lockMode } : {});
  if (!session) throw RpcError.notFound(`No session ${sessionId} in this organization.`);
  return session;
}
