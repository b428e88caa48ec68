import { RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from './raw-nats';

/** Payloads a hostile or broken peer might send. */
export const GARBAGE_PAYLOADS: { label: string; bytes: Uint8Array }[] = [
  { label: 'not JSON', bytes: new TextEncoder().encode('}{ definitely not json') },
  { label: 'binary', bytes: Uint8Array.from([0, 159, 146, 150, 255, 1, 2]) },
  { label: 'empty', bytes: new Uint8Array() },
  { label: 'JSON of the wrong shape', bytes: new TextEncoder().encode('{"pattern":"x","data":{"unexpected":true}}') },
  { label: 'a JSON string', bytes: new TextEncoder().encode('"hello"') },
];

/**
 * Sends every garbage payload to every subject and returns what came back; each reply must be a
 * typed error. Callers then prove the service still serves a valid request.
 */
export async function sendGarbageToEverySubject(
  nats: RawNats,
  subjects: string[],
): Promise<{ subject: string; label: string; code: string | undefined }[]> {
  const outcomes: { subject: string; label: string; code: string | undefined }[] = [];
  for (const subject of subjects) {
    for (const payload of GARBAGE_PAYLOADS) {
      const reply = await nats.requestBytes(subject, payload.bytes);
      outcomes.push({ subject, label: payload.label, code: reply.err?.code });
    }
  }
  return outcomes;
}

export const EXPECTED_GARBAGE_CODES: string[] = [RpcErrorCode.MalformedPayload, RpcErrorCode.ValidationFailed];
