import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Queues, SessionStatus, StartMode } from '@invigil/contracts';
import { currentCorrelationId, INVIGIL_METRICS, InvigilMetrics, JobQueue } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { ProctoredSession } from './proctored-session.entity';
import {
  SCHEDULED_START_JOB_NAME,
  SCHEDULED_START_JOB_OPTIONS,
  ScheduledStartJobData,
  scheduledStartJobId,
} from './scheduled-start-job';

type Schedulable = Pick<ProctoredSession, 'id' | 'orgId' | 'scheduledAt' | 'scheduleVersion'>;

/** How a command moved a session's scheduled start: the job to remove and the job to add, once committed. */
export interface ScheduleChange {
  remove: { sessionId: string; scheduleVersion: number } | null;
  add: Schedulable | null;
}

/**
 * The producer side of scheduled starts: one delayed BullMQ job per session and schedule version,
 * kept in Redis, so it survives restarts of every process. Enqueued after the commit; the start-up
 * sweep re-enqueues any scheduled session whose job is missing (a crash between commit and enqueue).
 */
@Injectable()
export class ScheduledStartQueue extends JobQueue<ScheduledStartJobData> {
  constructor(
    env: SessionsEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super({
      queueName: Queues.scheduledSessionStarts,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      jobOptions: SCHEDULED_START_JOB_OPTIONS,
      metrics,
    });
  }

  /** Idempotent: the same session and version is one job, however often it is enqueued. */
  async schedule(session: Schedulable): Promise<void> {
    if (!session.scheduledAt) return;
    const data: ScheduledStartJobData = {
      orgId: session.orgId,
      sessionId: session.id,
      scheduleVersion: session.scheduleVersion,
      correlationId: currentCorrelationId() ?? undefined,
    };
    const delay = Math.max(0, session.scheduledAt.getTime() - Date.now());
    await this.queue.add(SCHEDULED_START_JOB_NAME, data, {
      jobId: scheduledStartJobId(session.id, session.scheduleVersion),
      delay,
    });
  }

  /** Removes the job of one schedule version; a job already running finds the version moved and does nothing. */
  async unschedule(sessionId: string, scheduleVersion: number): Promise<void> {
    try {
      await this.queue.remove(scheduledStartJobId(sessionId, scheduleVersion));
    } catch (error) {
      this.logger.warn(
        `Could not remove scheduled start ${scheduledStartJobId(sessionId, scheduleVersion)}: ${String(error)}`,
      );
    }
  }

  /** After the commit. A failure here is repaired by the start-up sweep; the worker checks the version anyway. */
  async apply(change: ScheduleChange): Promise<void> {
    try {
      if (change.remove) await this.unschedule(change.remove.sessionId, change.remove.scheduleVersion);
      if (change.add) await this.schedule(change.add);
    } catch (error) {
      this.logger.error(`Could not move a scheduled start (the next start-up sweep repairs it): ${String(error)}`);
    }
  }

  async jobOf(sessionId: string, scheduleVersion: number) {
    return this.queue.getJob(scheduledStartJobId(sessionId, scheduleVersion));
  }

  /**
   * (Re)enqueues every session still waiting for its scheduled start, and every session rescheduled
   * while running that waits to resume.
   */
  async enqueueScheduled(): Promise<number> {
    const em = this.em.fork();
    const fields = ['id', 'orgId', 'scheduledAt', 'scheduleVersion', 'resumesAt'] as const;
    const waiting = await em.find(
      ProctoredSession,
      { status: SessionStatus.Scheduled, startMode: StartMode.Scheduled },
      { fields: [...fields] },
    );
    const resuming = await em.find(
      ProctoredSession,
      { status: SessionStatus.Paused, resumesAt: { $ne: null } },
      { fields: [...fields] },
    );
    const all = [...waiting, ...resuming.map((s) => ({ ...s, scheduledAt: s.resumesAt }))];
    let added = 0;
    for (const session of all) {
      if (await this.jobOf(session.id, session.scheduleVersion)) continue;
      await this.schedule(session);
      added++;
    }
    return added;
  }

  protected sweep(): Promise<number> {
    return this.enqueueScheduled();
  }
}
