import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  describeValidationErrors,
  EventEnvelope,
  EventPayload,
  EventPayloadClasses,
  EventSubject,
} from '@invigil/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, NatsConnection } from 'nats';
import { newCorrelationId, runWithContext } from '../context/request-context';
import { extractTraceContext, inSpan, SpanKind } from '../tracing/trace-context';
import { ensureEventStream } from './stream';
import { NATS_CONNECTION } from '../nats/nats-connection';
import { OutboxRelay } from '../outbox/outbox-relay';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform-options';

export type EventHandler<S extends EventSubject, P = undefined> = (
  data: EventPayload<S>,
  em: EntityManager,
  envelope: EventEnvelope<S>,
  prepared: P,
) => Promise<void>;

/**
 * Work a handler needs before its transaction opens (a NATS request, a cache fill): run first, outside
 * any transaction, so no database lock waits on another service. A failure is retried like the handler's.
 */
export type EventPreparation<S extends EventSubject, P> = (
  data: EventPayload<S>,
  envelope: EventEnvelope<S>,
) => Promise<P>;

interface Registration {
  handler: EventHandler<EventSubject, unknown>;
  prepare?: EventPreparation<EventSubject, unknown>;
}

const ACK_WAIT_NS = 30 * 1e9;
const MAX_DELIVER = 50;
const RETRY_DELAY_MS = 1_000;

/**
 * The service's durable JetStream consumer. Handlers run in a transaction that also records the
 * event id, so a redelivered event changes nothing twice; the message is acked only after commit.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  /** Several features may follow one subject; they run in registration order, in one transaction. */
  private readonly handlers = new Map<EventSubject, Registration[]>();
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  /** Register in a constructor or onModuleInit: consumption starts once the app has bootstrapped. */
  on<S extends EventSubject>(subject: S, handler: EventHandler<S>): void;
  on<S extends EventSubject, P>(
    subject: S,
    handler: EventHandler<S, NoInfer<P>>,
    options: { prepare: EventPreparation<S, P> },
  ): void;
  on<S extends EventSubject, P>(
    subject: S,
    handler: EventHandler<S, P>,
    options?: { prepare: EventPreparation<S, P> },
  ): void {
    const registrations = this.handlers.get(subject) ?? [];
    registrations.push({
      handler: handler as unknown as EventHandler<EventSubject, unknown>,
      prepare: options?.prepare as unknown as EventPreparation<EventSubject, unknown> | undefined,
    });
    this.handlers.set(subject, registrations);
  }

  get durableName(): string {
    return this.options.service;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Never two consume loops on one durable consumer: order and shutdown depend on it.
    if (this.handlers.size === 0 || this.messages) return;
    const stream = await ensureEventStream(this.nats, this.options.subjectPrefix);
    const manager = await this.nats.jetstreamManager();
    try {
      await manager.consumers.info(stream, this.durableName);
    } catch {
      await manager.consumers.add(stream, {
        durable_name: this.durableName,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: ACK_WAIT_NS,
        max_deliver: MAX_DELIVER,
      });
    }
    const consumer = await this.nats.jetstream().consumers.get(stream, this.durableName);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.consumeAll(this.messages);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.messages?.stop();
    await this.loop;
  }

  private async consumeAll(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      await this.handle(message);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = message.json<EventEnvelope>();
    } catch {
      this.logger.error(`Dropping a non-JSON event on ${message.subject}`);
      message.term();
      return;
    }
    const registrations = this.handlers.get(envelope.subject);
    if (!registrations) {
      message.ack();
      return;
    }
    const payloadClass = EventPayloadClasses[envelope.subject] as new () => object;
    const data = plainToInstance(payloadClass, envelope.data);
    const problems = describeValidationErrors(await validate(data));
    if (problems.length > 0) {
      this.logger.error(`Dropping invalid ${envelope.subject} event ${envelope.eventId}: ${problems.join('; ')}`);
      message.term();
      return;
    }
    try {
      const attributes = {
        'messaging.system': 'nats',
        'messaging.destination.name': envelope.subject,
        'messaging.operation.type': 'process',
      };
      const correlationId = envelope.correlationId ?? newCorrelationId();
      await inSpan(
        `event ${envelope.subject}`,
        SpanKind.CONSUMER,
        extractTraceContext(message.headers),
        attributes,
        () =>
          runWithContext({ correlationId }, async () => {
            const payload = data as EventPayload<EventSubject>;
            const prepared: unknown[] = [];
            for (const { prepare } of registrations)
              prepared.push(prepare ? await prepare(payload, envelope) : undefined);
            await this.applyOnce(envelope, payload, registrations, prepared);
          }),
      );
      this.relay.wake();
      message.ack();
    } catch (error) {
      this.logger.error(`Handling ${envelope.subject} ${envelope.eventId} failed, will retry: ${String(error)}`);
      message.nak(RETRY_DELAY_MS);
    }
  }

  /** The handler's effect and the event id commit together: a redelivery finds the id and does nothing. */
  private async applyOnce(
    envelope: EventEnvelope,
    data: EventPayload<EventSubject>,
    registrations: Registration[],
    prepared: unknown[],
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const inserted = await em.execute<{ event_id: string }[]>(
        'insert into processed_event (consumer, event_id, processed_at) values (?, ?, now()) on conflict do nothing returning event_id',
        [this.durableName, envelope.eventId],
      );
      if (inserted.length === 0) return;
      for (const [index, { handler }] of registrations.entries())
        await handler(data, em, envelope as EventEnvelope<EventSubject>, prepared[index]);
    });
  }
}
