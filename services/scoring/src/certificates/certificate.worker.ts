import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { contextFromTraceParent, createRedis, inSpan, INVIGIL_METRICS, InvigilMetrics, newCorrelationId, observeWorker, runWithContext, SpanKind } from '@invigil/server-platform';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { ScoringEnv } from '../config/env';
import { CertificateIssuer } from './certificate-issuer';
import { parseCertificateJob } from './certificate-job';

const CONCURRENCY = 2;

/** Consumes `Queues.certificates`. Closed before the ORM and NATS so a job in progress can finish. */
@Injectable()
export class CertificateWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CertificateWorker.name);
  private worker: Worker<unknown> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly env: ScoringEnv,
    private readonly issuer: CertificateIssuer,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  onApplicationBootstrap(): void {
    // One worker per process, even if the hook were called again.
    if (this.worker) return;
    this.connection = createRedis(this.env.REDIS_URL, 'scoring-certificate-worker');
    this.worker = new Worker<unknown>(Queues.certificates, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: CONCURRENCY,
    });
    observeWorker(this.metrics, this.worker);
    this.worker.on('failed', (job, error) => this.logger.warn(`Certificate job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`Certificate worker error: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }

  private async process(job: Job<unknown>): Promise<void> {
    const data = await parseCertificateJob(job.data);
    const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': Queues.certificates, 'messaging.operation.type': 'process' };
    const run = async () => {
      try {
        await this.issuer.issue(data.certificateId);
      } catch (error) {
        const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (lastAttempt) await this.issuer.markFailed(data.certificateId, error);
        throw error;
      }
    };
    await inSpan(`job ${Queues.certificates}`, SpanKind.CONSUMER, contextFromTraceParent(data.traceParent ?? null), attributes, () =>
      runWithContext({ correlationId: data.correlationId ?? newCorrelationId() }, run),
    );
  }
}
