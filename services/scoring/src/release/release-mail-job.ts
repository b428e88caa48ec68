import { Inject, Injectable } from '@nestjs/common';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { Queues } from '@invigil/contracts';
import { currentCorrelationId, INVIGIL_METRICS, InvigilMetrics, JobQueue } from '@invigil/server-platform';
import { ScoringEnv } from '../config/env';

/** What a job on `Queues.releaseMail` carries: one released session, every mail of its release. */
export class ReleaseMailJobData {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;

  @IsOptional()
  @IsString()
  correlationId?: string;
}

export const RELEASE_MAIL_JOB_NAME = 'release-mail';

/** One job per session (its id), so a retried or repeated enqueue sends the release's mail once. */
@Injectable()
export class ReleaseMailQueue extends JobQueue<ReleaseMailJobData> {
  constructor(env: ScoringEnv, @Inject(INVIGIL_METRICS) metrics: InvigilMetrics) {
    super({
      queueName: Queues.releaseMail,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      jobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: 24 * 3600, count: 1_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
      metrics,
    });
  }

  async enqueue(orgId: string, sessionId: string): Promise<void> {
    const data: ReleaseMailJobData = { orgId, sessionId, correlationId: currentCorrelationId() };
    await this.queue.add(RELEASE_MAIL_JOB_NAME, data, { jobId: `release-${sessionId}` });
  }

  protected sweep(): Promise<number> {
    // A crash between the release's commit and its enqueue loses the mail; see docs/marking.md.
    return Promise.resolve(0);
  }
}
