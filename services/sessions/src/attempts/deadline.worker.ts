import { Inject, Injectable } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, JobWorker } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { AttemptsService } from './attempts.service';
import { DeadlineJobData } from './deadline-job';
import { DeadlineQueue } from './deadline-queue';
import { TimeWarnings } from './time-warnings';

/** Consumes `Queues.attemptDeadlines`: submits an attempt whose time (plus grace) is up. */
@Injectable()
export class DeadlineWorker extends JobWorker<DeadlineJobData> {
  constructor(
    env: SessionsEnv,
    private readonly attempts: AttemptsService,
    private readonly deadlines: DeadlineQueue,
    private readonly warnings: TimeWarnings,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super(
      {
        queueName: Queues.attemptDeadlines,
        redisUrl: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        concurrency: 4,
        metrics,
      },
      DeadlineJobData,
    );
  }

  protected async handle(data: DeadlineJobData): Promise<void> {
    if (data.warningMinutes !== undefined) {
      const warned = await this.warnings.warnIfDue(data, data.warningMinutes);
      this.logger.log(`Time warning (${data.warningMinutes} min) of attempt ${data.attemptId}: ${warned}`);
      return;
    }
    const result = await this.attempts.submitIfDue(data.orgId, data.attemptId);
    // Not due: the deadline moved later. Its own job normally exists already; this makes sure.
    if (result.outcome === 'not-due' && result.attempt)
      await this.deadlines.schedule(result.attempt, result.gracePeriodSeconds ?? 0);
    this.logger.log(`Deadline of attempt ${data.attemptId} (v${data.deadlineVersion}): ${result.outcome}`);
  }
}
