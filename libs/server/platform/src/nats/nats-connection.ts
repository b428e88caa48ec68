import type { NatsConnection } from 'nats';
import { connect } from 'nats';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** A plain connection for JetStream and fan-out; request/reply goes through the Nest transport. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: [url], name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: true });
}
