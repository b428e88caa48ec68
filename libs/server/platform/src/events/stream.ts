import { Events } from '@invigil/contracts';
import type { JetStreamManager, NatsConnection } from 'nats';
import { DiscardPolicy, RetentionPolicy, StorageType } from 'nats';

/** One stream holds every event; its name and subjects carry the prefix so suites never collide. */
export function eventStreamName(subjectPrefix: string): string {
  const tag = subjectPrefix
    .replace(/\.$/, '')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .toUpperCase();
  return tag ? `${tag}_INVIGIL_EVENTS` : 'INVIGIL_EVENTS';
}

export function eventStreamSubjects(subjectPrefix: string): string[] {
  return Object.values(Events).map((subject) => subjectPrefix + subject);
}

/** Duplicate window: an outbox row republished within it (relay crashed after publishing) is dropped. */
const DUPLICATE_WINDOW_NS = 10 * 60 * 1e9;
const MAX_AGE_NS = 14 * 24 * 3600 * 1e9;

/** Creates the stream, or adds subjects released since it was created (never removes any). */
export async function ensureEventStream(connection: NatsConnection, subjectPrefix: string): Promise<string> {
  const manager: JetStreamManager = await connection.jetstreamManager();
  const name = eventStreamName(subjectPrefix);
  const subjects = eventStreamSubjects(subjectPrefix);
  try {
    const info = await manager.streams.info(name);
    const missing = subjects.filter((subject) => !info.config.subjects.includes(subject));
    if (missing.length > 0)
      await manager.streams.update(name, { ...info.config, subjects: [...info.config.subjects, ...missing] });
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    try {
      await manager.streams.add({
        name,
        subjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        discard: DiscardPolicy.Old,
        duplicate_window: DUPLICATE_WINDOW_NS,
        max_age: MAX_AGE_NS,
      });
    } catch (addError) {
      // Another replica created it between our lookup and our add.
      if (!String(addError).includes('already in use')) throw addError;
    }
  }
  return name;
}

function isStreamNotFound(error: unknown): boolean {
  return String(error).includes('stream not found');
}
