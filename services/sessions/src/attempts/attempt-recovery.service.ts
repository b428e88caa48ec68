import { Injectable } from '@nestjs/common';
import {
  AttemptStatus,
  AttemptSummaryView,
  CreditAttemptRequest,
  Events,
  ProctorAttemptRequest,
  ReopenAttemptRequest,
  SessionStatus,
} from '@invigil/contracts';
import { creditableSeconds, finishedSessionMessage, reopenedExtensionsMs } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import type { ProctoredSession } from '../sessions/proctored-session.entity';
import { changeAttempt } from './attempt-change';
import { stopClock, storedClock } from './attempt-clock';
import { assertNotSubmitted } from './attempt-control.service';
import { accrueQuestionTime } from './attempt-submission';
import type { Attempt } from './attempt.entity';
import { DeadlineQueue } from './deadline-queue';
import { clockEvent } from './session-attempts';

/**
 * The proctor's answers to a technical problem with one candidate: reopen a submitted attempt,
 * give back recorded disconnected time, release a live view stuck on a broken device.
 */
@Injectable()
export class AttemptRecoveryService {
  constructor(
    private readonly outbox: Outbox,
    private readonly deadlines: DeadlineQueue,
  ) {}

  /** Back to in progress with every saved answer and exactly `minutes` on the clock from now. */
  reopen(request: ReopenAttemptRequest): Promise<AttemptSummaryView> {
    return changeAttempt(this.outbox, this.deadlines, request, (attempt, session, emit, now, moved) => {
      assertReopenable(attempt, session);
      // A submitted attempt's clock runs (submission closes every pause), so the arithmetic holds.
      attempt.extensionsMs = reopenedExtensionsMs(storedClock(attempt), request.minutes, now);
      attempt.status = AttemptStatus.InProgress;
      attempt.submittedAt = null;
      attempt.autoSubmitted = false;
      attempt.pausedByProctor = false;
      // The page that held the attempt may be gone with the broken device: the next view attaches freely.
      attempt.liveViewId = null;
      attempt.liveConnectionId = null;
      attempt.deadlineVersion += 1;
      // Reopened while the whole session is paused: the clock waits, with the minutes intact, for the resume.
      if (session.status === SessionStatus.Paused) stopClock(attempt, now);
      else accrueQuestionTime(attempt, now, true);
      moved.push({ attempt, gracePeriodSeconds: session.gracePeriodSeconds });
      emit(Events.attemptReopened, {
        ...clockEvent(attempt, now),
        actorId: request.actorId,
        reason: request.reason,
        minutes: request.minutes,
        at: now.toISOString(),
      });
    });
  }

  /** Gives back recorded disconnected time; never more than was recorded and not yet credited. */
  credit(request: CreditAttemptRequest): Promise<AttemptSummaryView> {
    return changeAttempt(this.outbox, this.deadlines, request, (attempt, session, emit, now, moved) => {
      assertNotSubmitted(attempt);
      const available = creditableSeconds(Number(attempt.disconnectedMs), Number(attempt.creditedMs));
      if (request.seconds > available) {
        throw RpcError.conflict(
          `Cannot credit ${request.seconds} s: this candidate has ${available} s of recorded disconnection ` +
            `not yet credited (${Math.round(Number(attempt.disconnectedMs) / 1000)} s recorded, ` +
            `${Math.round(Number(attempt.creditedMs) / 1000)} s credited already).`,
        );
      }
      attempt.creditedMs = Number(attempt.creditedMs) + request.seconds * 1000;
      attempt.deadlineVersion += 1;
      moved.push({ attempt, gracePeriodSeconds: session.gracePeriodSeconds });
      emit(Events.attemptTimeCredited, {
        ...clockEvent(attempt, now),
        actorId: request.actorId,
        creditedSeconds: request.seconds,
      });
    });
  }

  /**
   * Frees the attempt from its live view, so the candidate attaches from a backup device without the
   * takeover confirmation. Until a view attaches the candidate counts as disconnected (time to credit).
   */
  releaseView(request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return changeAttempt(this.outbox, this.deadlines, request, (attempt, _session, emit, now) => {
      assertNotSubmitted(attempt);
      if (attempt.liveViewId === null)
        throw RpcError.conflict('No exam view holds this attempt; the candidate can open it on any device.');
      const event = {
        orgId: attempt.orgId,
        sessionId: attempt.sessionId,
        attemptId: attempt.id,
        userId: attempt.userId,
      };
      const releasedViewId = attempt.liveViewId;
      attempt.liveViewId = null;
      attempt.liveConnectionId = null;
      if (!attempt.disconnectedSince) {
        attempt.disconnectedSince = now;
        emit(Events.attemptDisconnected, { ...event, since: now.toISOString() });
      }
      emit(Events.attemptViewReleased, { ...event, actorId: request.actorId, releasedViewId, at: now.toISOString() });
    });
  }
}

function assertReopenable(attempt: Attempt, session: ProctoredSession): void {
  const finished = finishedSessionMessage(session);
  if (finished) throw RpcError.conflict(`${finished}; its attempts can no longer be reopened.`);
  if (attempt.status !== AttemptStatus.Submitted)
    throw RpcError.conflict('This attempt is still in progress; only a submitted attempt can be reopened.');
}
