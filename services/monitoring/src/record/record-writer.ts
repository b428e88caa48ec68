import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope, EventPayload, EventSubject } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import type { NewRecordEntry } from './record-append';
import { appendRecordEntry, eventSource } from './record-append';
import { withEventActor } from './record-actors';

/** Turns one event into the entry it leaves in the record; null: this event leaves none. */
export type EntryOf<S extends EventSubject> = (
  event: EventPayload<S>,
  em: EntityManager,
) => NewRecordEntry | null | Promise<NewRecordEntry | null>;

/**
 * Registers the record's handlers on the service's event consumer. Each runs in the consumer's
 * transaction (with the live view's handler for the same event), so the processed-event id makes a
 * redelivery append nothing twice.
 */
@Injectable()
export class RecordWriter {
  constructor(private readonly consumer: EventConsumer) {}

  follow<S extends EventSubject>(subject: S, entryOf: EntryOf<S>): void {
    this.consumer.on(subject, async (event, em, envelope: EventEnvelope<S>) => {
      const entry = await entryOf(event, em);
      if (entry) {
        await appendRecordEntry(em, eventSource(envelope), { ...entry, actor: withEventActor(entry.actor, event) });
      }
    });
  }
}

/** A session-wide entry: about no one candidate. */
export function sessionWide(event: {
  orgId: string;
  sessionId: string;
}): Pick<NewRecordEntry, 'orgId' | 'sessionId' | 'userId'> {
  return { orgId: event.orgId, sessionId: event.sessionId, userId: null };
}

/** An entry about one candidate. */
export function about(event: {
  orgId: string;
  sessionId: string;
  userId: string;
}): Pick<NewRecordEntry, 'orgId' | 'sessionId' | 'userId'> {
  return { orgId: event.orgId, sessionId: event.sessionId, userId: event.userId };
}
