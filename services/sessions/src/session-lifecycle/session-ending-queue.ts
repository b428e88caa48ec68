import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Queues, SessionStatus } from '@invigil/contracts';
import { currentCorrelationId, INVIGIL_METRICS, InvigilMetrics, JobQueue } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import {
  SESSION_ENDING_JOB_NAME,
  SESSION_ENDING_JOB_OPTIONS,
  SessionEndingJobData,
  sessionEndingJobId,
} from './session-ending-job';

/**
 * End Session's grace: one delayed job per ending session submits every attempt still open when the
 * grace is over. Enqueued after the commit; the start-up sweep re-enqueues any session still ending
 * whose job is missing, so a crash in between only delays the end until the next start.
 */
@Injectable()
export class SessionEndingQueue extends JobQueue<SessionEndingJobData> {
  constructor(
    env: SessionsEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super({
      queueName: Queues.sessionEndings,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      jobOptions: SESSION_ENDING_JOB_OPTIONS,
      metrics,
    });
  }

  async schedule(session: Pick<ProctoredSession, 'id' | 'orgId' | 'graceEndsAt'>, actorId?: string): Promise<void> {
    if (!session.graceEndsAt) return;
    const data: SessionEndingJobData = {
      orgId: session.orgId,
      sessionId: session.id,
      actorId,
      correlationId: currentCorrelationId() ?? undefined,
    };
    await this.queue.add(SESSION_ENDING_JOB_NAME, data, {
      jobId: sessionEndingJobId(session.id),
      delay: Math.max(0, session.graceEndsAt.getTime() - Date.now()),
    });
  }

  /** After the commit: a failure is logged, and repaired by the next start-up sweep. */
  async scheduleAfterCommit(session: ProctoredSession, actorId?: string): Promise<void> {
    try {
      await this.schedule(session, actorId);
    } catch (error) {
      this.logger.error(
        `Could not schedule the end of session ${session.id} (the start-up sweep repairs it): ${error}`,
      );
    }
  }

  /** (Re)enqueues the end of every session whose grace runs; existing jobs are left as they are. */
  protected async sweep(): Promise<number> {
    const sessions = await this.em
      .fork()
      .find(ProctoredSession, { graceEndsAt: { $ne: null }, status: [SessionStatus.InProgress, SessionStatus.Paused] });
    let added = 0;
    for (const session of sessions) {
      if (await this.queue.getJob(sessionEndingJobId(session.id))) continue;
      await this.schedule(session);
      added++;
    }
    return added;
  }
}
