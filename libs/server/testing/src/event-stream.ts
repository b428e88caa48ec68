import type { EventEnvelope, EventPayload, EventSubject } from '@invigil/contracts';
import { ensureEventStream, eventStreamName } from '@invigil/server-platform';
import type { RawNats } from './raw-nats';
import type { ConsumerMessages } from 'nats';
import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';

const codec = JSONCodec<EventEnvelope>();

export function envelope<S extends EventSubject>(
  subject: S,
  data: EventPayload<S>,
  eventId: string = randomUUID(),
): EventEnvelope<S> {
  return { eventId, subject, occurredAt: new Date().toISOString(), correlationId: randomUUID(), data };
}

/**
 * Publishes an envelope as another service's outbox relay would: to the suite's stream, with the
 * event id as the de-duplication id. `dedupe: false` publishes it again as JetStream would
 * redeliver it, past the duplicate window, so the consumer's own idempotency is what is tested.
 */
export async function publishEnvelope(
  nats: RawNats,
  event: EventEnvelope,
  options: { dedupe?: boolean } = {},
): Promise<void> {
  await ensureEventStream(nats.connection, nats.prefix);
  const msgID = options.dedupe === false ? undefined : event.eventId;
  await nats.connection.jetstream().publish(nats.prefix + event.subject, codec.encode(event), { msgID });
}

/** Resolves once the service's durable consumer has acknowledged everything on the stream. */
export async function waitUntilConsumed(nats: RawNats, durable: string, timeoutMs = 15_000): Promise<void> {
  const manager = await nats.connection.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const info = await manager.consumers.info(eventStreamName(nats.prefix), durable).catch(() => null);
    if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Consumer ${durable} did not catch up within ${timeoutMs} ms`);
}

/** Reads every event that reaches the suite's stream, e.g. what the service under test emitted. */
export class StreamWatcher {
  readonly seen: EventEnvelope[] = [];
  private constructor(private readonly messages: ConsumerMessages) {}

  static async start(nats: RawNats): Promise<StreamWatcher> {
    const stream = await ensureEventStream(nats.connection, nats.prefix);
    const consumer = await nats.connection.jetstream().consumers.get(stream);
    const watcher = new StreamWatcher(await consumer.consume());
    void watcher.collect();
    return watcher;
  }

  of<S extends EventSubject>(subject: S): EventEnvelope<S>[] {
    return this.seen.filter((event): event is EventEnvelope<S> => event.subject === subject);
  }

  stop(): void {
    this.messages.stop();
  }

  private async collect(): Promise<void> {
    for await (const message of this.messages) this.seen.push(message.json<EventEnvelope>());
  }
}
