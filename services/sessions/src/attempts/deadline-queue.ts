import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AttemptStatus, Queues } from '@invigil/contracts';
import { currentCorrelationId, INVIGIL_METRICS, InvigilMetrics, JobQueue } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { upcomingTimeWarnings } from '@invigil/domain';
import { autoSubmitAt, storedClock } from './attempt-clock';
import { deadlineAt } from '@invigil/domain';
import { Attempt } from './attempt.entity';
import {
  DEADLINE_JOB_NAME,
  DEADLINE_JOB_OPTIONS,
  DeadlineJobData,
  deadlineJobId,
  TIME_WARNING_JOB_NAME,
  timeWarningJobId,
} from './deadline-job';

/**
 * One delayed BullMQ job per attempt and deadline version: at the deadline plus the session's grace
 * the attempt is submitted automatically. Enqueued after the commit that moved the deadline; the
 * start-up sweep re-enqueues every running attempt's job, so a crash in between (or a Redis that
 * lost its data) only delays an auto-submit until the next start, never loses it.
 */
@Injectable()
export class DeadlineQueue extends JobQueue<DeadlineJobData> {
  constructor(
    env: SessionsEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super({
      queueName: Queues.attemptDeadlines,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      jobOptions: DEADLINE_JOB_OPTIONS,
      metrics,
    });
  }

  /** Idempotent per (attempt, deadline version). A paused attempt has no deadline, so no job. */
  async schedule(attempt: Attempt, gracePeriodSeconds: number): Promise<void> {
    const at = autoSubmitAt(attempt, gracePeriodSeconds);
    if (!at || attempt.status !== AttemptStatus.InProgress) return;
    const data: DeadlineJobData = {
      orgId: attempt.orgId,
      attemptId: attempt.id,
      deadlineVersion: attempt.deadlineVersion,
      correlationId: currentCorrelationId() ?? undefined,
    };
    await this.queue.add(DEADLINE_JOB_NAME, data, {
      jobId: deadlineJobId(attempt.id, attempt.deadlineVersion),
      delay: Math.max(0, at.getTime() - Date.now()),
    });
    await this.scheduleWarnings(attempt, data);
  }

  /** The session's time warnings ahead of this deadline version, each its own delayed job. */
  private async scheduleWarnings(attempt: Attempt, data: DeadlineJobData): Promise<void> {
    const deadline = deadlineAt(storedClock(attempt));
    if (!deadline) return;
    const session = await this.em
      .fork()
      .findOne(ProctoredSession, { id: attempt.sessionId }, { fields: ['timeWarningMinutes'] });
    const now = new Date();
    for (const warning of upcomingTimeWarnings(deadline, session?.timeWarningMinutes ?? [], now)) {
      await this.queue.add(
        TIME_WARNING_JOB_NAME,
        { ...data, warningMinutes: warning.minutes },
        {
          jobId: timeWarningJobId(attempt.id, attempt.deadlineVersion, warning.minutes),
          delay: Math.max(0, warning.at.getTime() - now.getTime()),
        },
      );
    }
  }

  /** After a commit: a failure is logged, and repaired by the next start-up sweep. */
  async scheduleAll(moved: { attempt: Attempt; gracePeriodSeconds: number }[]): Promise<void> {
    for (const { attempt, gracePeriodSeconds } of moved) {
      try {
        await this.schedule(attempt, gracePeriodSeconds);
      } catch (error) {
        this.logger.error(
          `Could not schedule the deadline of attempt ${attempt.id} (the next start-up sweep repairs it): ${String(error)}`,
        );
      }
    }
  }

  async jobOf(attempt: Pick<Attempt, 'id' | 'deadlineVersion'>) {
    return this.queue.getJob(deadlineJobId(attempt.id, attempt.deadlineVersion));
  }

  /** (Re)enqueues the deadline of every attempt still running; existing jobs are left as they are. */
  async enqueueRunning(): Promise<number> {
    const em = this.em.fork();
    const attempts = await em.find(Attempt, { status: AttemptStatus.InProgress, pausedSince: null });
    const sessions = new Map(
      (await em.find(ProctoredSession, { id: [...new Set(attempts.map((a) => a.sessionId))] })).map((s) => [s.id, s]),
    );
    let added = 0;
    for (const attempt of attempts) {
      if (await this.jobOf(attempt)) continue;
      await this.schedule(attempt, sessions.get(attempt.sessionId)?.gracePeriodSeconds ?? 0);
      added++;
    }
    return added;
  }

  protected sweep(): Promise<number> {
    return this.enqueueRunning();
  }
}
