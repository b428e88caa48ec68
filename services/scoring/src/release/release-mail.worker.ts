import { Inject, Injectable } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, JobWorker } from '@invigil/server-platform';
import { ScoringEnv } from '../config/env';
import { ReleaseMailJobData } from './release-mail-job';
import { ReleaseMailing } from './release-mailing';

/** Consumes `Queues.releaseMail`: the release's mail, away from the request that released. */
@Injectable()
export class ReleaseMailWorker extends JobWorker<ReleaseMailJobData> {
  constructor(
    env: ScoringEnv,
    private readonly mailing: ReleaseMailing,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super(
      { queueName: Queues.releaseMail, redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX, concurrency: 1, metrics },
      ReleaseMailJobData,
    );
  }

  protected handle(data: ReleaseMailJobData): Promise<void> {
    return this.mailing.send(data.orgId, data.sessionId);
  }
}
