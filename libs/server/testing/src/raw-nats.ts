import type { RpcErrorBody } from '@invigil/contracts';
import { eventStreamName } from '@invigil/server-platform';
import type { NatsConnection } from 'nats';
import { connect, JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';
import { testNatsUrl } from './test-env';

const codec = JSONCodec();

export interface RawReply<T = unknown> {
  response?: T;
  err?: RpcErrorBody;
}

/** A plain NATS client for suites: sends what a real (or hostile) peer would send. */
export class RawNats {
  private constructor(
    readonly connection: NatsConnection,
    readonly prefix: string,
  ) {}

  static async connect(tag: string): Promise<RawNats> {
    return new RawNats(await connect({ servers: [testNatsUrl()] }), `${tag}.`);
  }

  /** A request in the Nest wire format, as the services' own clients send it. */
  async request<T>(subject: string, data: unknown, timeoutMs = 5000): Promise<RawReply<T>> {
    const reply = await this.connection.request(
      this.prefix + subject,
      codec.encode({ id: randomUUID(), pattern: subject, data }),
      { timeout: timeoutMs },
    );
    return codec.decode(reply.data) as RawReply<T>;
  }

  /** Arbitrary bytes, e.g. garbage that is not JSON at all. */
  async requestBytes(subject: string, bytes: Uint8Array, timeoutMs = 5000): Promise<RawReply> {
    const reply = await this.connection.request(this.prefix + subject, bytes, { timeout: timeoutMs });
    return codec.decode(reply.data) as RawReply;
  }

  /** Removes the suite's event stream (and with it its consumers). */
  async deleteStream(): Promise<void> {
    const manager = await this.connection.jetstreamManager();
    await manager.streams.delete(eventStreamName(this.prefix)).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
