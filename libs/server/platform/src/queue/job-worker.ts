import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { describeValidationErrors } from '@invigil/contracts';
import type { Job } from 'bullmq';
import { UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { newCorrelationId, runWithContext } from '../context/request-context';
import type { InvigilMetrics } from '../metrics/metrics';
import { observeWorker } from '../metrics/queue-metrics';
import { createRedis } from '../redis/redis';
import { contextFromTraceParent, inSpan, SpanKind } from '../tracing/trace-context';

export interface JobWorkerSettings {
  queueName: string;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  metrics: InvigilMetrics;
}

/** What every job carries besides its own fields, so its work joins the request that caused it. */
export interface JobContext {
  correlationId?: string;
  traceParent?: string;
}

/**
 * The consumer side of a BullMQ queue: validates each job's data on its way out of Redis (a bad
 * job fails for good instead of retrying), and runs it in a span and correlation context. Closed
 * before the ORM and NATS, so a job in progress can finish.
 */
export abstract class JobWorker<T extends JobContext> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private worker: Worker<unknown> | null = null;
  private connection: Redis | null = null;

  protected constructor(
    private readonly settings: JobWorkerSettings,
    private readonly dataType: new () => T,
  ) {
    this.logger = new Logger(this.constructor.name);
  }

  /** The job's work; throwing retries it (per the queue's job options). */
  protected abstract handle(data: T, job: Job<unknown>): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.worker) return;
    const { queueName, redisUrl, prefix, concurrency, metrics } = this.settings;
    this.connection = createRedis(redisUrl, `${queueName}-worker`);
    this.worker = new Worker<unknown>(queueName, (job) => this.process(job), {
      connection: this.connection,
      prefix,
      concurrency,
    });
    observeWorker(metrics, this.worker);
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        `Job ${job?.id ?? '?'} on ${queueName} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
      ),
    );
    this.worker.on('error', (error) => this.logger.error(`Worker error on ${queueName}: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }

  private async process(job: Job<unknown>): Promise<void> {
    const data = await parseJobData(this.dataType, job.data, this.settings.queueName);
    const queueName = this.settings.queueName;
    const attributes = {
      'messaging.system': 'bullmq',
      'messaging.destination.name': queueName,
      'messaging.operation.type': 'process',
    };
    await inSpan(
      `job ${queueName}`,
      SpanKind.CONSUMER,
      contextFromTraceParent(data.traceParent ?? null),
      attributes,
      () => runWithContext({ correlationId: data.correlationId ?? newCorrelationId() }, () => this.handle(data, job)),
    );
  }
}

/** Validates job data with its contract class; invalid data can never succeed, so it is not retried. */
export async function parseJobData<T extends object>(type: new () => T, raw: unknown, queueName: string): Promise<T> {
  const data = plainToInstance(type, raw ?? {});
  const problems = describeValidationErrors(await validate(data));
  if (problems.length > 0) throw new UnrecoverableError(`Invalid job on ${queueName}: ${problems.join('; ')}`);
  return data;
}
