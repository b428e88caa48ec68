import type { ConsumerDeserializer, IncomingRequest } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';

export class MalformedPayloadError extends Error {}

const decoder = new TextDecoder();

/**
 * Nest's stock NATS deserializer throws outside any handler on bytes that are not JSON, and the
 * service dies. This one turns every payload into a request the pipeline can answer: garbage is
 * reported as MalformedPayloadError (caught by the server), plain JSON from a non-Nest client is
 * wrapped as the request's data.
 */
export class SafeJsonDeserializer implements ConsumerDeserializer {
  deserialize(value: Uint8Array, options?: { channel?: string; replyTo?: string }): IncomingRequest {
    let decoded: unknown;
    try {
      decoded = JSON.parse(decoder.decode(value));
    } catch {
      throw new MalformedPayloadError(
        "The message is not valid JSON. Send a JSON object matching the subject's contract.",
      );
    }
    const channel = options?.channel ?? '';
    if (isNestPacket(decoded)) {
      return { id: decoded.id ?? randomUUID(), pattern: channel, data: decoded.data };
    }
    return { id: randomUUID(), pattern: channel, data: decoded };
  }
}

function isNestPacket(value: unknown): value is { id?: string; pattern: unknown; data: unknown } {
  return typeof value === 'object' && value !== null && 'pattern' in value && 'data' in value;
}
