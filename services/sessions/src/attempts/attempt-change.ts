import { LockMode } from '@mikro-orm/core';
import type { AttemptSummaryView, ProctorAttemptRequest } from '@invigil/contracts';
import type { EmitEvent, Outbox } from '@invigil/server-platform';
import { RpcError } from '@invigil/server-platform';
import type { ProctoredSession } from '../sessions/proctored-session.entity';
import { findSessionOrFail } from '../sessions/find-session';
import { toAttemptSummary } from './attempt-view';
import { Attempt } from './attempt.entity';
import type { DeadlineQueue } from './deadline-queue';
import type { MovedDeadlines } from './session-attempts';

/** What one proctor control does to the locked attempt, inside the transaction that records its events. */
export type AttemptEffect = (
  attempt: Attempt,
  session: ProctoredSession,
  emit: EmitEvent,
  now: Date,
  moved: MovedDeadlines,
) => void;

/**
 * One proctor control on one candidate's attempt: the session is looked up in the caller's
 * organization (another organization's attempt is not found), the attempt row is locked, and the
 * deadlines the effect moved are enqueued only after the commit.
 */
export function changeAttempt(
  outbox: Outbox,
  deadlines: DeadlineQueue,
  request: ProctorAttemptRequest,
  effect: AttemptEffect,
): Promise<AttemptSummaryView> {
  return outbox.transaction(async (em, emit, afterCommit) => {
    const session = await findSessionOrFail(em, request.orgId, request.sessionId);
    const attempt = await em.findOne(
      Attempt,
      { sessionId: session.id, userId: request.userId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!attempt) throw RpcError.notFound('This candidate has not started the exam yet; there is no clock to change.');
    const now = new Date();
    const moved: MovedDeadlines = [];
    effect(attempt, session, emit, now, moved);
    if (moved.length > 0) afterCommit(() => deadlines.scheduleAll(moved));
    return toAttemptSummary(attempt, now);
  });
}
