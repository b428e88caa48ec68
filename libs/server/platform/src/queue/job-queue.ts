import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { DefaultJobOptions } from 'bullmq';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import type { InvigilMetrics } from '../metrics/metrics';
import { registerQueueMetrics } from '../metrics/queue-metrics';
import { createRedis } from '../redis/redis';

export interface JobQueueSettings {
  queueName: string;
  redisUrl: string;
  /** Namespaces the BullMQ keys (test suites and tenants sharing a Redis). */
  prefix: string;
  jobOptions: DefaultJobOptions;
  metrics: InvigilMetrics;
}

/**
 * The producer side of a BullMQ queue whose jobs follow committed rows: subclasses enqueue after
 * their commit, and `sweep` re-enqueues whatever the database says should have a job, once per
 * process at start-up, so a crash between a commit and its enqueue (or a Redis that lost its
 * data) only delays a job, never loses it.
 */
export abstract class JobQueue<T extends object> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private readonly connection: Redis;
  private swept = false;
  readonly queue: Queue<T>;

  protected constructor(settings: JobQueueSettings) {
    this.logger = new Logger(this.constructor.name);
    this.connection = createRedis(settings.redisUrl, `${settings.queueName}-queue`);
    this.queue = new Queue<T>(settings.queueName, {
      connection: this.connection,
      prefix: settings.prefix,
      defaultJobOptions: settings.jobOptions,
    });
    registerQueueMetrics(settings.metrics, this.queue);
  }

  /** Enqueues every missing job the database calls for; returns how many it added. */
  protected abstract sweep(): Promise<number>;

  async onApplicationBootstrap(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    try {
      const count = await this.sweep();
      if (count > 0) this.logger.log(`Re-enqueued ${count} missing job(s) on ${this.queue.name}`);
    } catch (error) {
      // Not fatal: the next start sweeps again, and new jobs still enqueue.
      this.logger.error(`Start-up sweep of ${this.queue.name} failed: ${String(error)}`);
    }
  }

  /** After every beforeApplicationShutdown hook, so workers and consumers have stopped enqueuing. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}
