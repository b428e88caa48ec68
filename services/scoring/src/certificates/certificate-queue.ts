import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateStatus, Queues } from '@invigil/contracts';
import {
  currentCorrelationId,
  currentTraceParent,
  INVIGIL_METRICS,
  InvigilMetrics,
  JobQueue,
} from '@invigil/server-platform';
import { ScoringEnv } from '../config/env';
import { Certificate } from './certificate.entity';
import { CERTIFICATE_JOB_NAME, CERTIFICATE_JOB_OPTIONS, CertificateJobData } from './certificate-job';

/**
 * The producer side of certificate rendering. The job id is the certificate id, so enqueuing the
 * same certificate twice (a retry, the sweep, another replica) yields one job.
 */
@Injectable()
export class CertificateQueue extends JobQueue<CertificateJobData> {
  constructor(
    env: ScoringEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    super({
      queueName: Queues.certificates,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      jobOptions: CERTIFICATE_JOB_OPTIONS,
      metrics,
    });
  }

  async enqueue(certificateId: string): Promise<void> {
    const data: CertificateJobData = {
      certificateId,
      correlationId: currentCorrelationId(),
      traceParent: currentTraceParent() ?? undefined,
    };
    await this.queue.add(CERTIFICATE_JOB_NAME, data, { jobId: certificateId });
  }

  /** Re-enqueues every certificate still pending: covers a crash between a commit and its enqueue. */
  async enqueuePending(): Promise<number> {
    const pending = await this.em.fork().find(Certificate, { status: CertificateStatus.Pending }, { fields: ['id'] });
    for (const certificate of pending) await this.enqueue(certificate.id);
    return pending.length;
  }

  protected sweep(): Promise<number> {
    return this.enqueuePending();
  }
}
