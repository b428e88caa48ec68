import { LockMode } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, EventSubject } from '@invigil/contracts';
import { headers as natsHeaders, JSONCodec, NatsConnection } from 'nats';
import { CORRELATION_HEADER } from '../context/request-context';
import { ensureEventStream } from '../events/stream';
import { NATS_CONNECTION } from '../nats/nats-connection';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform-options';
import { OutboxMessage } from './outbox-message.entity';

const codec = JSONCodec<EventEnvelope>();
const BATCH_SIZE = 200;

/**
 * Publishes committed outbox rows to JetStream, in the order they were written, with the row id as the
 * de-duplication id: a row published twice (crash between publish and mark) is stored once.
 * Replicas share the work through FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.startOutboxRelay !== false) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.running) return;
    await ensureEventStream(this.nats, this.options.subjectPrefix);
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in progress, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Unpublished rows right now (a metric and a test aid). */
  async backlog(): Promise<number> {
    return this.orm.em.fork().count(OutboxMessage, { publishedAt: null });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
      } catch (error) {
        this.logger.error(`Outbox publish failed, retrying: ${String(error)}`);
      }
      if (published === 0 && this.running) await this.idle(this.options.outboxPollMs ?? 250);
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.pendingWake = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  async publishBatch(): Promise<number> {
    const js = this.nats.jetstream();
    return this.orm.em.fork().transactional(async (em) => {
      const rows = await em.find(
        OutboxMessage,
        { publishedAt: null },
        { orderBy: { seq: 'asc' }, limit: BATCH_SIZE, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      let published = 0;
      for (const row of rows) {
        const envelope: EventEnvelope = {
          eventId: row.id,
          subject: row.subject as EventSubject,
          occurredAt: row.createdAt.toISOString(),
          correlationId: row.correlationId,
          data: row.payload as EventEnvelope['data'],
        };
        const headers = natsHeaders();
        if (row.correlationId) headers.set(CORRELATION_HEADER, row.correlationId);
        if (row.traceParent) headers.set('traceparent', row.traceParent);
        try {
          await js.publish(this.options.subjectPrefix + row.subject, codec.encode(envelope), {
            msgID: row.id,
            headers,
          });
        } catch (error) {
          row.publishAttempts += 1;
          this.logger.warn(`Could not publish outbox row ${row.id} (${row.subject}): ${String(error)}`);
          break;
        }
        row.publishedAt = new Date();
        published++;
      }
      return published;
    });
  }
}
