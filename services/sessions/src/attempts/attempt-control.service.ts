import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AttemptStatus,
  AttemptSummaryView,
  Events,
  ExtendAttemptRequest,
  ListAttemptsRequest,
  ProctorAttemptRequest,
  SessionStatus,
} from '@invigil/contracts';
import { extensionMs } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { findSessionOrFail } from '../sessions/find-session';
import { attemptRemainingMs, restartClock, stopClock } from './attempt-clock';
import { AttemptEffect, changeAttempt } from './attempt-change';
import { accrueQuestionTime } from './attempt-submission';
import { toAttemptSummary } from './attempt-view';
import { Attempt } from './attempt.entity';
import { DeadlineQueue } from './deadline-queue';
import { clockEvent } from './session-attempts';

/** The proctor's controls over one candidate's clock: pause, resume, extend. */
@Injectable()
export class AttemptControlService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly deadlines: DeadlineQueue,
  ) {}

  async list(request: ListAttemptsRequest): Promise<AttemptSummaryView[]> {
    const em = this.em.fork();
    const session = await findSessionOrFail(em, request.orgId, request.sessionId);
    const attempts = await em.find(Attempt, { sessionId: session.id }, { orderBy: { startedAt: 'asc' } });
    const now = new Date();
    return attempts.map((attempt) => toAttemptSummary(attempt, now));
  }

  pause(request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return this.change(request, (attempt, session, emit, now) => {
      assertClockRunsOn(attempt, now);
      if (attempt.pausedByProctor) return;
      attempt.pausedByProctor = true;
      if (attempt.pausedSince) return; // the whole session is paused already: the clock is stopped
      accrueQuestionTime(attempt, now, false);
      stopClock(attempt, now);
      emit(Events.attemptPaused, { ...clockEvent(attempt, now), pausedBy: 'proctor', ...staffOf(request) });
    });
  }

  resume(request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return this.change(request, (attempt, session, emit, now, moved) => {
      assertNotSubmitted(attempt);
      if (!attempt.pausedByProctor) return;
      attempt.pausedByProctor = false;
      // While the whole session is paused the clock stays stopped; resuming the session restarts it.
      if (session.status === SessionStatus.Paused) return;
      restartClock(attempt, now);
      accrueQuestionTime(attempt, now, true);
      moved.push({ attempt, gracePeriodSeconds: session.gracePeriodSeconds });
      emit(Events.attemptResumed, { ...clockEvent(attempt, now), ...staffOf(request) });
    });
  }

  extend(request: ExtendAttemptRequest): Promise<AttemptSummaryView> {
    return this.change(request, (attempt, session, emit, now, moved) => {
      assertNotSubmitted(attempt);
      attempt.extensionsMs = Number(attempt.extensionsMs) + extensionMs(request.minutes);
      attempt.deadlineVersion += 1;
      moved.push({ attempt, gracePeriodSeconds: session.gracePeriodSeconds });
      emit(Events.attemptExtended, { ...clockEvent(attempt, now), minutes: request.minutes, ...staffOf(request) });
    });
  }

  private change(request: ProctorAttemptRequest, effect: AttemptEffect): Promise<AttemptSummaryView> {
    return changeAttempt(this.outbox, this.deadlines, request, effect);
  }
}

export function assertNotSubmitted(attempt: Attempt): void {
  if (attempt.status === AttemptStatus.Submitted)
    throw RpcError.conflict('This candidate has already submitted; the clock no longer runs.');
}

function assertClockRunsOn(attempt: Attempt, now: Date): void {
  assertNotSubmitted(attempt);
  if (attemptRemainingMs(attempt, now) <= 0)
    throw RpcError.conflict("This candidate's time is up; extend it first if they need more.");
}

/** Who changed the clock and, when they said, why: both go into the event for the session record. */
function staffOf(request: ProctorAttemptRequest): { actorId: string; reason?: string } {
  const reason = request.reason?.trim();
  return { actorId: request.actorId, ...(reason ? { reason } : {}) };
}
