import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CertificateStatus, Queues } from '@invigil/contracts';
import { createRedis, currentCorrelationId, currentTraceParent, INVIGIL_METRICS, InvigilMetrics, registerQueueMetrics } from '@invigil/server-platform';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { ScoringEnv } from '../config/env';
import { Certificate } from './certificate.entity';
import { CERTIFICATE_JOB_NAME, CERTIFICATE_JOB_OPTIONS, CertificateJobData } from './certificate-job';

/**
 * The producer side of certificate rendering. The job id is the certificate id, so enqueuing the
 * same certificate twice (a retry, the sweep, another replica) yields one job.
 */
@Injectable()
export class CertificateQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateQueue.name);
  private readonly connection: Redis;
  private swept = false;
  readonly queue: Queue<CertificateJobData>;

  constructor(
    env: ScoringEnv,
    private readonly em: EntityManager,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    this.connection = createRedis(env.REDIS_URL, 'scoring-certificate-queue');
    this.queue = new Queue<CertificateJobData>(Queues.certificates, {
      connection: this.connection,
      prefix: env.QUEUE_PREFIX,
      defaultJobOptions: CERTIFICATE_JOB_OPTIONS,
    });
    registerQueueMetrics(metrics, this.queue);
  }

  async enqueue(certificateId: string): Promise<void> {
    const data: CertificateJobData = { certificateId, correlationId: currentCorrelationId(), traceParent: currentTraceParent() ?? undefined };
    await this.queue.add(CERTIFICATE_JOB_NAME, data, { jobId: certificateId });
  }

  /** Re-enqueues every certificate still pending: covers a crash between a commit and its enqueue. */
  async enqueuePending(): Promise<number> {
    const pending = await this.em.fork().find(Certificate, { status: CertificateStatus.Pending }, { fields: ['id'] });
    for (const certificate of pending) await this.enqueue(certificate.id);
    return pending.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    // One sweep per process, even if the hook were called again.
    if (this.swept) return;
    this.swept = true;
    try {
      const count = await this.enqueuePending();
      if (count > 0) this.logger.log(`Re-enqueued ${count} pending certificate(s)`);
    } catch (error) {
      // Not fatal: the next start sweeps again, and new certificates still enqueue.
      this.logger.error(`Sweep of pending certificates failed: ${String(error)}`);
    }
  }

  /** After every beforeApplicationShutdown hook, so consumers have stopped enqueuing. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}
