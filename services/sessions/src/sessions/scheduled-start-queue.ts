import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queues, SessionStatus, StartMode } from '@invigil/contracts';
import { createRedis, currentCorrelationId, INVIGIL_METRICS, InvigilMetrics, registerQueueMetrics } from '@invigil/server-platform';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { SessionsEnv } from '../config/env';
import { ProctoredSession } from './proctored-session.entity';
import { SCHEDULED_START_JOB_NAME, SCHEDULED_START_JOB_OPTIONS, ScheduledStartJobData, scheduledStartJobId } from './scheduled-start-job';

type Schedulable = Pick<ProctoredSession, 'id' | 'orgId' | 'scheduledAt' | 'scheduleVersion'>;

/**
 * The producer side of scheduled starts: one delayed BullMQ job per session and schedule version,
 * kept in Redis, so it survives restarts of every process. Enqueued after the commit; the start-up
 * sweep re-enqueues any scheduled session whose job is missing (a crash between commit and enqueue).
 */
@Injectable()
export class ScheduledStartQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduledStartQueue.name);
  private readonly connection: Redis;
  private swept = false;
  readonly queue: Queue<ScheduledStartJobData>;

  constructor(
    env: SessionsEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    this.connection = createRedis(env.REDIS_URL, 'sessions-scheduled-start-queue');
    this.queue = new Queue<ScheduledStartJobData>(Queues.scheduledSessionStarts, {
      connection: this.connection,
      prefix: env.QUEUE_PREFIX,
      defaultJobOptions: SCHEDULED_START_JOB_OPTIONS,
    });
    registerQueueMetrics(metrics, this.queue);
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
    await this.queue.add(SCHEDULED_START_JOB_NAME, data, { jobId: scheduledStartJobId(session.id, session.scheduleVersion), delay });
  }

  /** Removes the job of one schedule version; a job already running finds the version moved and does nothing. */
  async unschedule(sessionId: string, scheduleVersion: number): Promise<void> {
    try {
      await this.queue.remove(scheduledStartJobId(sessionId, scheduleVersion));
    } catch (error) {
      this.logger.warn(`Could not remove scheduled start ${scheduledStartJobId(sessionId, scheduleVersion)}: ${String(error)}`);
    }
  }

  async jobOf(sessionId: string, scheduleVersion: number) {
    return this.queue.getJob(scheduledStartJobId(sessionId, scheduleVersion));
  }

  /** (Re)enqueues every session still waiting for its scheduled start. */
  async enqueueScheduled(): Promise<number> {
    const sessions = await this.em
      .fork()
      .find(ProctoredSession, { status: SessionStatus.Scheduled, startMode: StartMode.Scheduled }, { fields: ['id', 'orgId', 'scheduledAt', 'scheduleVersion'] });
    let added = 0;
    for (const session of sessions) {
      if (await this.jobOf(session.id, session.scheduleVersion)) continue;
      await this.schedule(session);
      added++;
    }
    return added;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    try {
      const count = await this.enqueueScheduled();
      if (count > 0) this.logger.log(`Re-enqueued ${count} missing scheduled start(s)`);
    } catch (error) {
      // Not fatal: the next start sweeps again, and new schedules still enqueue.
      this.logger.error(`Sweep of scheduled starts failed: ${String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}
