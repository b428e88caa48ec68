import { Inject, Injectable } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, JobWorker } from '@invigil/server-platform';
import { SessionsEnv } from '../config/env';
import { SessionEndingJobData } from './session-ending-job';
import { SessionEndingService } from './session-ending.service';

/** Consumes `Queues.sessionEndings`: when End Session's grace is over, submits what is left and ends the session. */
@Injectable()
export class SessionEndingWorker extends JobWorker<SessionEndingJobData> {
  constructor(
    env: SessionsEnv,
    private readonly ending: SessionEndingService,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super(
      {
        queueName: Queues.sessionEndings,
        redisUrl: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        concurrency: 2,
        metrics,
      },
      SessionEndingJobData,
    );
  }

  protected async handle(data: SessionEndingJobData): Promise<void> {
    const ended = await this.ending.finish(data.orgId, data.sessionId, data.actorId);
    this.logger.log(
      ended
        ? `Session ${data.sessionId} ended after its End Session grace`
        : `End of ${data.sessionId} skipped (already ended)`,
    );
  }
}
