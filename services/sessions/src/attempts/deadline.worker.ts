import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { contextFromTraceParent, createRedis, inSpan, INVIGIL_METRICS, InvigilMetrics, newCorrelationId, observeWorker, runWithContext, SpanKind } from '@invigil/server-platform';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { SessionsEnv } from '../config/env';
import { AttemptsService } from './attempts.service';
import { parseDeadlineJob } from './deadline-job';
import { DeadlineQueue } from './deadline-queue';

/** Consumes `Queues.attemptDeadlines`: submits an attempt whose time (plus grace) is up. */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineWorker.name);
  private worker: Worker<unknown> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly env: SessionsEnv,
    private readonly attempts: AttemptsService,
    private readonly deadlines: DeadlineQueue,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.worker) return;
    this.connection = createRedis(this.env.REDIS_URL, 'sessions-deadline-worker');
    this.worker = new Worker<unknown>(Queues.attemptDeadlines, (job) => this.process(job), { connection: this.connection, prefix: this.env.QUEUE_PREFIX, concurrency: 4 });
    observeWorker(this.metrics, this.worker);
    this.worker.on('failed', (job, error) => this.logger.warn(`Deadline ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`Deadline worker error: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }

  private async process(job: Job<unknown>): Promise<void> {
    const data = await parseDeadlineJob(job.data);
    const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': Queues.attemptDeadlines, 'messaging.operation.type': 'process' };
    await inSpan(`job ${Queues.attemptDeadlines}`, SpanKind.CONSUMER, contextFromTraceParent(null), attributes, () =>
      runWithContext({ correlationId: data.correlationId ?? newCorrelationId() }, async () => {
        const result = await this.attempts.submitIfDue(data.orgId, data.attemptId);
        // Not due: the deadline moved later. Its own job normally exists already; this makes sure.
        if (result.outcome === 'not-due' && result.attempt) await this.deadlines.schedule(result.attempt, result.gracePeriodSeconds ?? 0);
        this.logger.log(`Deadline of attempt ${data.attemptId} (v${data.deadlineVersion}): ${result.outcome}`);
      }),
    );
  }
}
