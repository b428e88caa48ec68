import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queues } from '@invigil/contracts';
import { contextFromTraceParent, createRedis, inSpan, INVIGIL_METRICS, InvigilMetrics, newCorrelationId, observeWorker, runWithContext, SpanKind } from '@invigil/server-platform';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { SessionsEnv } from '../config/env';
import { parseScheduledStartJob } from './scheduled-start-job';
import { SessionsService } from './sessions.service';

/** Consumes `Queues.scheduledSessionStarts`: starts the session through the proctor's own code path. */
@Injectable()
export class ScheduledStartWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduledStartWorker.name);
  private worker: Worker<unknown> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly env: SessionsEnv,
    private readonly sessions: SessionsService,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.worker) return;
    this.connection = createRedis(this.env.REDIS_URL, 'sessions-scheduled-start-worker');
    this.worker = new Worker<unknown>(Queues.scheduledSessionStarts, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 2,
    });
    observeWorker(this.metrics, this.worker);
    this.worker.on('failed', (job, error) => this.logger.warn(`Scheduled start ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`Scheduled start worker error: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }

  private async process(job: Job<unknown>): Promise<void> {
    const data = await parseScheduledStartJob(job.data);
    const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': Queues.scheduledSessionStarts, 'messaging.operation.type': 'process' };
    await inSpan(`job ${Queues.scheduledSessionStarts}`, SpanKind.CONSUMER, contextFromTraceParent(null), attributes, () =>
      runWithContext({ correlationId: data.correlationId ?? newCorrelationId() }, async () => {
        const started = await this.sessions.startScheduled(data.orgId, data.sessionId, data.scheduleVersion);
        this.logger.log(started ? `Session ${data.sessionId} started at its scheduled time` : `Scheduled start of ${data.sessionId} v${data.scheduleVersion} skipped (moved, started or cancelled)`);
      }),
    );
  }
}
