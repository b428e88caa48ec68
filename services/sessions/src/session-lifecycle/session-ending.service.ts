import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, SessionCommandRequest, SessionStatus, SessionView } from '@invigil/contracts';
import { endSessionGraceSeconds, endSessionRefusal, graceEndsAt } from '@invigil/domain';
import { EmitEvent, Outbox, RpcError } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { submitSessionAttempts, writingAttemptCount } from '../attempts/session-attempts';
import { findSessionOrFail } from '../sessions/find-session';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { toSessionViewOne } from '../sessions/session-view';
import { SessionEndingQueue } from './session-ending-queue';

/**
 * End Session with grace: confirming it gives every candidate still writing the session's grace
 * period (`sessions.session.ending`), then the ending job submits every attempt still open and the
 * session is ended. With nobody writing (all submitted, or the session paused) it ends at once.
 */
@Injectable()
export class SessionEndingService {
  constructor(
    private readonly outbox: Outbox,
    private readonly endings: SessionEndingQueue,
    private readonly env: SessionsEnv,
  ) {}

  end(request: SessionCommandRequest): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit, afterCommit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      const refusal = endSessionRefusal(session);
      if (refusal) throw RpcError.conflict(refusal);
      const now = new Date();
      const stillWriting = await writingAttemptCount(em, session);
      if (stillWriting === 0) {
        await endNow(em, emit, session, now, request.actorId);
        return toSessionViewOne(em, session);
      }
      const grace = endSessionGraceSeconds(session.gracePeriodSeconds, this.env.END_SESSION_DEFAULT_GRACE_SECONDS);
      session.graceEndsAt = graceEndsAt(now, grace);
      emit(Events.sessionEnding, {
        orgId: session.orgId,
        sessionId: session.id,
        endingAt: now.toISOString(),
        graceEndsAt: session.graceEndsAt.toISOString(),
        stillWriting,
        actorId: request.actorId,
      });
      afterCommit(() => this.endings.scheduleAfterCommit(session, request.actorId));
      return toSessionViewOne(em, session);
    });
  }

  /** The ending job: true when it ended the session, false when it had already ended (a retry). */
  finish(orgId: string, sessionId: string, actorId?: string): Promise<boolean> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await em.findOne(
        ProctoredSession,
        { id: sessionId, orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session?.graceEndsAt || session.status === SessionStatus.Ended || session.status === SessionStatus.Cancelled)
        return false;
      await endNow(em, emit, session, new Date(), actorId);
      return true;
    });
  }
}

/** Submits every attempt still open with the answers saved so far, and ends the session. */
async function endNow(
  em: EntityManager,
  emit: EmitEvent,
  session: ProctoredSession,
  now: Date,
  actorId?: string,
): Promise<void> {
  session.status = SessionStatus.Ended;
  session.endedAt = now;
  session.resumesAt = null;
  emit(Events.sessionEnded, { orgId: session.orgId, sessionId: session.id, endedAt: now.toISOString(), actorId });
  await submitSessionAttempts(em, emit, session, now);
}
