import type { AttemptProgressEntry, EventEnvelope, EventSubject } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { eventStreamName } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';

/**
 * Every event of one subject now stored in the suite's JetStream stream, read with an ordered
 * (ephemeral) consumer so the services' durable consumers are not disturbed. One subject as a
 * string: the NATS server here (2.9) predates lists of filter subjects.
 */
export async function storedEvents<S extends EventSubject>(nats: RawNats, subject: S): Promise<EventEnvelope<S>[]> {
  const consumer = await nats.connection
    .jetstream()
    .consumers.get(eventStreamName(nats.prefix), { filterSubjects: nats.prefix + subject });
  const envelopes: EventEnvelope<S>[] = [];
  const messages = await consumer.fetch({ max_messages: 1000, expires: 1000 });
  for await (const message of messages) envelopes.push(message.json<EventEnvelope<S>>());
  return envelopes;
}

/** One attempt's progress as the save path announced it (in batches of `sessions.attempts.progressed`), oldest first. */
export async function announcedProgress(
  nats: RawNats,
  attemptId: string,
): Promise<(AttemptProgressEntry & { orgId: string; sessionId: string })[]> {
  const batches = await storedEvents(nats, Events.attemptsProgressed);
  return batches.flatMap(({ data }) =>
    data.progress
      .filter((entry) => entry.attemptId === attemptId)
      .map((entry) => ({ ...entry, orgId: data.orgId, sessionId: data.sessionId })),
  );
}
