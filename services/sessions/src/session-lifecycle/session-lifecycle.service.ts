import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, PauseSessionRequest, SessionCommandRequest, SessionStatus, SessionView } from '@invigil/contracts';
import { assertSessionTransition, pauseSessionRefusal } from '@invigil/domain';
import { EmitEvent, Outbox, RpcError, RunAfterCommit } from '@invigil/server-platform';
import { DeadlineQueue } from '../attempts/deadline-queue';
import { pauseSessionAttempts, resumeSessionAttempts } from '../attempts/session-attempts';
import { findSessionOrFail } from '../sessions/find-session';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { ScheduledStartQueue } from '../sessions/scheduled-start-queue';
import { toSessionViewOne } from '../sessions/session-view';

/**
 * Start, pause, resume and cancel a session (End Session with its grace is session-ending.service).
 * Pausing and resuming reach every running attempt in the same transaction, which is why this sits
 * above both sessions/ and attempts/.
 */
@Injectable()
export class SessionLifecycleService {
  constructor(
    private readonly outbox: Outbox,
    private readonly scheduledStarts: ScheduledStartQueue,
    private readonly deadlines: DeadlineQueue,
  ) {}

  /** The proctor's start: flexible sessions, or a scheduled one started early. The job uses the same path. */
  start(request: SessionCommandRequest): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit, afterCommit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      if (session.status === SessionStatus.Scheduled) this.unscheduleAfterCommit(session, afterCommit);
      startInTransaction(session, emit, request.actorId);
      return toSessionViewOne(em, session);
    });
  }

  /**
   * The scheduled-start job: starts the session only if it is still scheduled for this version
   * (a reschedule, a cancel or an early start makes the job a no-op), or resumes a session that was
   * rescheduled while running. True when it started or resumed it.
   */
  async startScheduled(orgId: string, sessionId: string, scheduleVersion: number): Promise<boolean> {
    return this.outbox.transaction(async (em, emit, afterCommit) => {
      const session = await em.findOne(
        ProctoredSession,
        { id: sessionId, orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session || session.scheduleVersion !== scheduleVersion) return false;
      if (session.status === SessionStatus.Paused && session.resumesAt) {
        await this.resumeInTransaction(em, emit, afterCommit, session, new Date());
        return true;
      }
      if (session.status !== SessionStatus.Scheduled) return false;
      startInTransaction(session, emit);
      return true;
    });
  }

  /** Pause all: the reason goes into the record, the message onto every candidate's pause screen. */
  pause(request: PauseSessionRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Paused, async (session, emit, now, em) => {
      const refusal = pauseSessionRefusal(session);
      if (refusal) throw RpcError.conflict(refusal);
      session.pauseReason = request.reason;
      session.pauseMessage = request.message ?? null;
      emit(Events.sessionPaused, {
        orgId: session.orgId,
        sessionId: session.id,
        pausedAt: now.toISOString(),
        reason: request.reason,
        message: request.message,
        actorId: request.actorId,
      });
      await pauseSessionAttempts(em, emit, session, now);
    });
  }

  /** The proctor's resume; also before the new start of a session rescheduled while running. */
  resume(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.InProgress, async (session, emit, now, em, afterCommit) => {
      if (session.resumesAt) this.unscheduleAfterCommit(session, afterCommit);
      await this.resumeInTransaction(em, emit, afterCommit, session, now, request.actorId);
    });
  }

  cancel(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Cancelled, (session, emit, now, _em, afterCommit) => {
      session.endedAt = now;
      if (session.scheduledAt) this.unscheduleAfterCommit(session, afterCommit);
      emit(Events.sessionCancelled, {
        orgId: session.orgId,
        sessionId: session.id,
        cancelledAt: now.toISOString(),
        actorId: request.actorId,
      });
    });
  }

  /** Back to in progress: every attempt the session paused runs again, its deadline moved by the pause. */
  private async resumeInTransaction(
    em: EntityManager,
    emit: EmitEvent,
    afterCommit: RunAfterCommit,
    session: ProctoredSession,
    now: Date,
    actorId?: string,
  ): Promise<void> {
    assertSessionTransition(session.status, SessionStatus.InProgress);
    session.status = SessionStatus.InProgress;
    session.pauseReason = null;
    session.pauseMessage = null;
    session.resumesAt = null;
    emit(Events.sessionResumed, { orgId: session.orgId, sessionId: session.id, resumedAt: now.toISOString(), actorId });
    const moved = await resumeSessionAttempts(em, emit, session, now);
    afterCommit(() => this.deadlines.scheduleAll(moved));
  }

  /** One lifecycle step: the domain's state machine decides; the refusal names the current state. */
  private command(
    request: SessionCommandRequest,
    to: SessionStatus,
    effect: (
      session: ProctoredSession,
      emit: EmitEvent,
      now: Date,
      em: EntityManager,
      afterCommit: RunAfterCommit,
    ) => void | Promise<void>,
  ): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit, afterCommit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      assertSessionTransition(session.status, to);
      // Resume sets the status itself (the scheduled-start job resumes through the same code).
      if (to !== SessionStatus.InProgress) session.status = to;
      await effect(session, emit, new Date(), em, afterCommit);
      return toSessionViewOne(em, session);
    });
  }

  /**
   * A session started early, cancelled or resumed before its new start no longer needs its delayed
   * start; the worker would skip it anyway.
   */
  private unscheduleAfterCommit(session: ProctoredSession, afterCommit: RunAfterCommit): void {
    const change = { remove: { sessionId: session.id, scheduleVersion: session.scheduleVersion }, add: null };
    afterCommit(() => this.scheduledStarts.apply(change));
  }
}

/** `actorId`: the staff member who started it; absent when the scheduled-start job did. */
function startInTransaction(session: ProctoredSession, emit: EmitEvent, actorId?: string): void {
  assertSessionTransition(session.status, SessionStatus.InProgress);
  session.status = SessionStatus.InProgress;
  session.startedAt = new Date();
  emit(Events.sessionStarted, {
    orgId: session.orgId,
    sessionId: session.id,
    name: session.name,
    startedAt: session.startedAt.toISOString(),
    actorId,
  });
}
