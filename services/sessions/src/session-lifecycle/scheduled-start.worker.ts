import { Inject, Injectable } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, JobWorker } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { ScheduledStartJobData } from '../sessions/scheduled-start-job';
import { SessionLifecycleService } from './session-lifecycle.service';

/** Consumes `Queues.scheduledSessionStarts`: starts the session through the proctor's own code path. */
@Injectable()
export class ScheduledStartWorker extends JobWorker<ScheduledStartJobData> {
  constructor(
    env: SessionsEnv,
    private readonly lifecycle: SessionLifecycleService,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super(
      {
        queueName: Queues.scheduledSessionStarts,
        redisUrl: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        concurrency: 2,
        metrics,
      },
      ScheduledStartJobData,
    );
  }

  protected async handle(data: ScheduledStartJobData): Promise<void> {
    const started = await this.lifecycle.startScheduled(data.orgId, data.sessionId, data.scheduleVersion);
    this.logger.log(
      started
        ? `Session ${data.sessionId} started at its scheduled time`
        : `Scheduled start of ${data.sessionId} v${data.scheduleVersion} skipped (moved, started or cancelled)`,
    );
  }
}
