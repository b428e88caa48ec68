import type { RequestOf, RequestSubject, ResponseOf, RpcErrorBody } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from './raw-nats';
import type { Subscription } from 'nats';
import { JSONCodec } from 'nats';

const codec = JSONCodec();

/** Thrown by a peer's answer function to reply with a typed error. */
export class PeerError extends Error {
  constructor(readonly body: RpcErrorBody) {
    super(body.message);
  }
}

export interface Peer<S extends RequestSubject> {
  /** Every request the peer received, in order. */
  readonly received: RequestOf<S>[];
  stop(): void;
}

/**
 * Stands in for another service on the real NATS: answers `subject` in Nest's wire format, the
 * way that service's own transport would. Services never import each other, not even in tests.
 */
export function answerAsPeer<S extends RequestSubject>(
  nats: RawNats,
  subject: S,
  answer: (request: RequestOf<S>) => ResponseOf<S>,
): Peer<S> {
  const received: RequestOf<S>[] = [];
  const subscription: Subscription = nats.connection.subscribe(nats.prefix + subject, {
    callback: (error, message) => {
      if (error) return;
      const packet = codec.decode(message.data) as { id: string; data: RequestOf<S> };
      received.push(packet.data);
      let reply: object;
      try {
        reply = { id: packet.id, response: answer(packet.data), isDisposed: true };
      } catch (failure) {
        const body =
          failure instanceof PeerError ? failure.body : { code: RpcErrorCode.Internal, message: String(failure) };
        reply = { id: packet.id, err: body, isDisposed: true };
      }
      message.respond(codec.encode(reply));
    },
  });
  return { received, stop: () => subscription.unsubscribe() };
}
