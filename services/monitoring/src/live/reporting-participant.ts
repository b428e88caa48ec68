import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RpcError } from '@invigil/server-platform';
import { LiveParticipant } from './live-participant.entity';

/**
 * The live row of a user who reports from the exam page, locked for the transaction. Monitoring
 * knows a participant from the roster and attempt events; anyone else (a forged or mistaken user
 * id) is refused and nothing is stored.
 */
export async function lockReportingParticipant(
  em: EntityManager,
  ref: { orgId: string; sessionId: string; userId: string },
): Promise<LiveParticipant> {
  const row = await em.findOne(
    LiveParticipant,
    { orgId: ref.orgId, sessionId: ref.sessionId, userId: ref.userId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!row)
    throw RpcError.forbidden(
      `User ${ref.userId} is not a participant of session ${ref.sessionId}; only its participants report from its exam page.`,
    );
  return row;
}
