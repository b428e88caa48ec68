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

/** What identifies one rendering of a certificate: a re-scored certificate is rendered again. */
export type CertificateRendering = Pick<Certificate, 'id' | 'issuedAt'>;

/**
 * The producer side of certificate rendering. The job id is the certificate id with the date it
 * prints, so enqueuing the same rendering twice (a retry, the sweep, another replica) yields one job,
 * while a certificate re-issued after re-scoring gets a job of its own.
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

  async enqueue(certificate: CertificateRendering): Promise<void> {
    const data: CertificateJobData = {
      certificateId: certificate.id,
      correlationId: currentCorrelationId(),
      traceParent: currentTraceParent() ?? undefined,
    };
    await this.queue.add(CERTIFICATE_JOB_NAME, data, { jobId: `${certificate.id}-${certificate.issuedAt.getTime()}` });
  }

  /** Re-enqueues every certificate still pending: covers a crash between a commit and its enqueue. */
  async enqueuePending(): Promise<number> {
    const pending = await this.em
      .fork()
      .find(Certificate, { status: CertificateStatus.Pending }, { fields: ['id', 'issuedAt'] });
    for (const certificate of pending) await this.enqueue(certificate);
    return pending.length;
  }

  protected sweep(): Promise<number> {
    return this.enqueuePending();
  }
}
