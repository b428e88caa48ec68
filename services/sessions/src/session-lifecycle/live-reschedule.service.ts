import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Events, RescheduleLiveRequest, SessionStatus, SessionView } from '@invigil/contracts';
import { rescheduleLiveRefusal } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { pauseSessionAttempts } from '../attempts/session-attempts';
import { findSessionOrFail } from '../sessions/find-session';
import { ScheduledStartQueue } from '../sessions/scheduled-start-queue';
import { toSessionViewOne } from '../sessions/session-view';

/**
 * Reschedule a started or paused session (an outage, a fire alarm): every attempt in progress is
 * paused with its answers and remaining time, and the scheduled-start job resumes the session and
 * every attempt it paused at the new start, their deadlines moved by the pause.
 */
@Injectable()
export class LiveRescheduleService {
  constructor(
    private readonly outbox: Outbox,
    private readonly scheduledStarts: ScheduledStartQueue,
  ) {}

  reschedule(request: RescheduleLiveRequest): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit, afterCommit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      const now = new Date();
      const startsAt = new Date(request.startsAt);
      const refusal = rescheduleLiveRefusal(session, startsAt, now);
      if (refusal?.kind === 'invalid') throw RpcError.invalid(refusal.message, [refusal.message]);
      if (refusal) throw RpcError.conflict(refusal.message);
      // A second reschedule replaces the first one's job: the version is in the job id.
      const previous = session.resumesAt ? { sessionId: session.id, scheduleVersion: session.scheduleVersion } : null;
      session.status = SessionStatus.Paused;
      session.resumesAt = startsAt;
      session.pauseReason = request.reason;
      session.pauseMessage = request.message ?? null;
      session.scheduleVersion += 1;
      emit(Events.sessionRescheduled, {
        orgId: session.orgId,
        sessionId: session.id,
        name: session.name,
        previousScheduledAt: session.scheduledAt?.toISOString() ?? null,
        previousStartedAt: session.startedAt?.toISOString(),
        scheduledAt: startsAt.toISOString(),
        timeZone: session.timeZone,
        whileRunning: true,
        reason: request.reason,
        message: request.message,
        actorId: request.actorId,
      });
      await pauseSessionAttempts(em, emit, session, now);
      const add = {
        id: session.id,
        orgId: session.orgId,
        scheduledAt: startsAt,
        scheduleVersion: session.scheduleVersion,
      };
      afterCommit(() => this.scheduledStarts.apply({ remove: previous, add }));
      return toSessionViewOne(em, session);
    });
  }
}
