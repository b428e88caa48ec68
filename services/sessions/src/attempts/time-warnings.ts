import { Injectable } from '@nestjs/common';
import { AttemptStatus, Events } from '@invigil/contracts';
import { deadlineAt } from '@invigil/domain';
import { Outbox } from '@invigil/server-platform';
import { storedClock } from './attempt-clock';
import { Attempt } from './attempt.entity';
import type { DeadlineJobData } from './deadline-job';

/** A warning fires up to this late (a busy worker) and still counts as on time. */
const LATE_TOLERANCE_MS = 30_000;

/**
 * Sends a scheduled time warning if it still holds: the attempt runs, its deadline is the one the
 * job was made for (a pause, extension or credit makes new jobs), and the moment has come.
 */
@Injectable()
export class TimeWarnings {
  constructor(private readonly outbox: Outbox) {}

  async warnIfDue(job: DeadlineJobData, minutes: number): Promise<'sent' | 'moved' | 'not-running'> {
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await em.findOne(Attempt, { id: job.attemptId, orgId: job.orgId });
      if (!attempt || attempt.status !== AttemptStatus.InProgress || attempt.pausedSince) return 'not-running';
      const deadline = deadlineAt(storedClock(attempt));
      if (!deadline || attempt.deadlineVersion !== job.deadlineVersion) return 'moved';
      const left = deadline.getTime() - Date.now();
      if (left <= 0 || left > minutes * 60_000 + 1_000 || left < minutes * 60_000 - LATE_TOLERANCE_MS) return 'moved';
      emit(Events.attemptTimeWarning, {
        orgId: attempt.orgId,
        sessionId: attempt.sessionId,
        attemptId: attempt.id,
        userId: attempt.userId,
        minutesRemaining: minutes,
        deadlineAt: deadline.toISOString(),
      });
      return 'sent';
    });
  }
}
