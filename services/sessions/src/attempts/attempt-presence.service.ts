import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AttachViewReply, AttachViewRequest, AttemptPresenceRequest, AttemptStatus, Events } from '@invigil/contracts';
import { intervalMs } from '@invigil/domain';
import { EmitEvent, Outbox } from '@invigil/server-platform';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { buildAttemptView } from './attempt-view';
import { Attempt } from './attempt.entity';
import { AttemptsService } from './attempts.service';

/**
 * One attempt, one live exam view. A page attaches when it opens and after every reconnect; a
 * second tab or device takes over only when the candidate confirmed, and that is announced as a
 * suspicious-activity signal. Connection changes are recorded so disconnected time can be credited.
 */
@Injectable()
export class AttemptPresenceService {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly outbox: Outbox,
  ) {}

  async attach(request: AttachViewRequest): Promise<AttachViewReply> {
    // Opening first: it creates the attempt (and its deadline job) when this is the first visit.
    await this.attempts.open(request);
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await em.findOneOrFail(
        Attempt,
        { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
      const now = new Date();
      if (attempt.status === AttemptStatus.Submitted)
        return { attached: true, attempt: await buildAttemptView(em, attempt, session, now) };
      const otherViewLive =
        attempt.liveViewId !== null && attempt.liveViewId !== request.viewId && attempt.disconnectedSince === null;
      if (otherViewLive && !request.takeover) return { attached: false, reason: 'another-view-live' };
      const previousViewId = attempt.liveViewId;
      markConnected(attempt, emit, now);
      attempt.liveViewId = request.viewId;
      attempt.liveConnectionId = request.connectionId;
      if (previousViewId !== null && previousViewId !== request.viewId) {
        emit(Events.attemptViewTakenOver, {
          orgId: attempt.orgId,
          sessionId: attempt.sessionId,
          attemptId: attempt.id,
          userId: attempt.userId,
          viewId: request.viewId,
          previousViewId,
          at: now.toISOString(),
        });
      }
      return { attached: true, attempt: await buildAttemptView(em, attempt, session, now) };
    });
  }

  /** The gateway's report: a connection went away, or one the sweeper dropped is alive after all. */
  async report(request: AttemptPresenceRequest): Promise<{ recorded: boolean }> {
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await em.findOne(
        Attempt,
        { id: request.attemptId, orgId: request.orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // Only the live view's current connection counts: a late report about an older one is stale.
      if (!attempt || attempt.status === AttemptStatus.Submitted || attempt.liveConnectionId !== request.connectionId)
        return { recorded: false };
      if (request.connected) return { recorded: markConnected(attempt, emit, new Date()) };
      if (attempt.disconnectedSince) return { recorded: false };
      const lastSeen = new Date(request.lastSeenAt);
      attempt.disconnectedSince = lastSeen.getTime() <= Date.now() ? lastSeen : new Date();
      emit(Events.attemptDisconnected, {
        orgId: attempt.orgId,
        sessionId: attempt.sessionId,
        attemptId: attempt.id,
        userId: attempt.userId,
        since: attempt.disconnectedSince.toISOString(),
      });
      return { recorded: true };
    });
  }
}

/** Ends a running disconnection: adds it to the attempt's total and announces the return. */
function markConnected(attempt: Attempt, emit: EmitEvent, now: Date): boolean {
  if (!attempt.disconnectedSince) return false;
  const lasted = intervalMs(attempt.disconnectedSince, now);
  attempt.disconnectedMs = Number(attempt.disconnectedMs) + lasted;
  attempt.disconnectedSince = null;
  emit(Events.attemptReconnected, {
    orgId: attempt.orgId,
    sessionId: attempt.sessionId,
    attemptId: attempt.id,
    userId: attempt.userId,
    disconnectedSeconds: Math.round(lasted / 1000),
    totalDisconnectedSeconds: Math.round(Number(attempt.disconnectedMs) / 1000),
  });
  return true;
}
