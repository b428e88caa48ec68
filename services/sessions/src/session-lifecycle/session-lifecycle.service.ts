import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, SessionCommandRequest, SessionStatus, SessionView } from '@invigil/contracts';
import { assertSessionTransition } from '@invigil/domain';
import { EmitEvent, Outbox } from '@invigil/server-platform';
import { DeadlineQueue } from '../attempts/deadline-queue';
import {
  MovedDeadlines,
  pauseSessionAttempts,
  resumeSessionAttempts,
  submitSessionAttempts,
} from '../attempts/session-attempts';
import { findSessionOrFail } from '../sessions/find-session';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { NO_SCHEDULE_CHANGE, ScheduledStartQueue } from '../sessions/scheduled-start-queue';
import { toSessionViewOne } from '../sessions/session-view';

/**
 * Start, pause, resume, end and cancel a session. Pausing, resuming and ending reach every running
 * attempt in the same transaction, which is why this sits above both sessions/ and attempts/.
 */
@Injectable()
export class SessionLifecycleService {
  constructor(
    private readonly outbox: Outbox,
    private readonly scheduledStarts: ScheduledStartQueue,
    private readonly deadlines: DeadlineQueue,
  ) {}

  /** The proctor's start: flexible sessions, or a scheduled one started early. The job uses the same path. */
  async start(request: SessionCommandRequest): Promise<SessionView> {
    let change = NO_SCHEDULE_CHANGE;
    const view = await this.outbox.transaction(async (em, emit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      if (session.status === SessionStatus.Scheduled)
        change = { remove: { sessionId: session.id, scheduleVersion: session.scheduleVersion }, add: null };
      startInTransaction(session, emit);
      return toSessionViewOne(em, session);
    });
    await this.scheduledStarts.apply(change);
    return view;
  }

  /**
   * The scheduled-start job: starts the session only if it is still scheduled for this version
   * (a reschedule, a cancel or an early start makes the job a no-op). True when it started it.
   */
  async startScheduled(orgId: string, sessionId: string, scheduleVersion: number): Promise<boolean> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await em.findOne(
        ProctoredSession,
        { id: sessionId, orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session || session.status !== SessionStatus.Scheduled || session.scheduleVersion !== scheduleVersion)
        return false;
      startInTransaction(session, emit);
      return true;
    });
  }

  pause(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Paused, async (session, emit, now, em) => {
      emit(Events.sessionPaused, { orgId: session.orgId, sessionId: session.id, pausedAt: now.toISOString() });
      await pauseSessionAttempts(em, emit, session, now);
    });
  }

  async resume(request: SessionCommandRequest): Promise<SessionView> {
    let moved: MovedDeadlines = [];
    const view = await this.command(request, SessionStatus.InProgress, async (session, emit, now, em) => {
      emit(Events.sessionResumed, { orgId: session.orgId, sessionId: session.id, resumedAt: now.toISOString() });
      moved = await resumeSessionAttempts(em, emit, session, now);
    });
    await this.deadlines.scheduleAll(moved);
    return view;
  }

  end(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Ended, async (session, emit, now, em) => {
      session.endedAt = now;
      emit(Events.sessionEnded, { orgId: session.orgId, sessionId: session.id, endedAt: now.toISOString() });
      await submitSessionAttempts(em, emit, session, now);
    });
  }

  async cancel(request: SessionCommandRequest): Promise<SessionView> {
    let change = NO_SCHEDULE_CHANGE;
    const view = await this.command(request, SessionStatus.Cancelled, (session, emit, now) => {
      session.endedAt = now;
      if (session.scheduledAt)
        change = { remove: { sessionId: session.id, scheduleVersion: session.scheduleVersion }, add: null };
      emit(Events.sessionCancelled, { orgId: session.orgId, sessionId: session.id, cancelledAt: now.toISOString() });
    });
    await this.scheduledStarts.apply(change);
    return view;
  }

  /** One lifecycle step: the domain's state machine decides; the refusal names the current state. */
  private command(
    request: SessionCommandRequest,
    to: SessionStatus,
    effect: (session: ProctoredSession, emit: EmitEvent, now: Date, em: EntityManager) => void | Promise<void>,
  ): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      assertSessionTransition(session.status, to);
      session.status = to;
      await effect(session, emit, new Date(), em);
      return toSessionViewOne(em, session);
    });
  }
}

function startInTransaction(session: ProctoredSession, emit: EmitEvent): void {
  assertSessionTransition(session.status, SessionStatus.InProgress);
  session.status = SessionStatus.InProgress;
  session.startedAt = new Date();
  emit(Events.sessionStarted, {
    orgId: session.orgId,
    sessionId: session.id,
    name: session.name,
    startedAt: session.startedAt.toISOString(),
  });
}
