import { Inject, Injectable } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, JobWorker } from '@invigil/server-platform';
import { Job, UnrecoverableError } from 'bullmq';
import { ScoringEnv } from '../config/env';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateJobData } from '../certificates/certificate-job';

/** Consumes `Queues.certificates`: renders the PDF; the last failed attempt marks the certificate failed. */
@Injectable()
export class CertificateWorker extends JobWorker<CertificateJobData> {
  constructor(
    env: ScoringEnv,
    private readonly issuer: CertificateIssuer,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super(
      { queueName: Queues.certificates, redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX, concurrency: 2, metrics },
      CertificateJobData,
    );
  }

  protected async handle(data: CertificateJobData, job: Job<unknown>): Promise<void> {
    try {
      await this.issuer.issue(data.certificateId);
    } catch (error) {
      const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await this.issuer.markFailed(data.certificateId, error);
      throw error;
    }
  }
}
