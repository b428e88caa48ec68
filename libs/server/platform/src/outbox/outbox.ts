import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventPayload, EventSubject } from '@invigil/contracts';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../context/request-context';
import { AfterCommit, AfterCommitWork } from '../orm/after-commit';
import { currentTraceParent } from '../tracing/trace-context';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

export type EmitEvent = <S extends EventSubject>(subject: S, data: EventPayload<S>) => void;

/** Queues work to run after the transaction commits (never on rollback); see `AfterCommit`. */
export type RunAfterCommit = (work: AfterCommitWork) => void;

/** Queues an event in the outbox of the transaction `em` belongs to. */
export function recordEvent<S extends EventSubject>(em: EntityManager, subject: S, data: EventPayload<S>): void {
  const message = new OutboxMessage();
  message.id = randomUUID();
  message.subject = subject;
  message.payload = { ...data };
  message.correlationId = currentCorrelationId() ?? null;
  message.traceParent = currentTraceParent();
  em.persist(message);
}

/** What a bulk insert sends per row, in the outbox table's column names. */
interface OutboxRow {
  id: string;
  subject: string;
  payload: object;
  correlation_id: string | null;
  trace_parent: string | null;
  created_at: string;
}

/**
 * Queues many events of one subject in the outbox of the transaction `em` belongs to, as ONE insert:
 * the rows travel as a single JSON parameter, so 10,000 events cost one statement. Everything the
 * unit of work holds is flushed first, so events recorded earlier in the transaction keep lower `seq`
 * (publish order) than these; the rows get their `seq` in the order of `payloads`. Returns the event ids.
 */
export async function recordEvents<S extends EventSubject>(
  em: EntityManager,
  subject: S,
  payloads: readonly EventPayload<S>[],
): Promise<string[]> {
  if (payloads.length === 0) return [];
  if (!em.isInTransaction()) throw new Error('recordEvents needs the EntityManager of an open transaction');
  await em.flush();
  const correlationId = currentCorrelationId() ?? null;
  const traceParent = currentTraceParent();
  const createdAt = new Date().toISOString();
  const rows: OutboxRow[] = payloads.map((data) => ({
    id: randomUUID(),
    subject,
    payload: { ...data },
    correlation_id: correlationId,
    trace_parent: traceParent,
    created_at: createdAt,
  }));
  const schema = em.config.get('schema');
  const table = schema ? `"${schema}"."outbox"` : '"outbox"';
  // ORDER BY the array position: the insert draws `seq` values in the order the rows arrive.
  await em.execute(
    `insert into ${table} (id, subject, payload, correlation_id, trace_parent, created_at, publish_attempts)
     select (r->>'id')::uuid, r->>'subject', r->'payload', r->>'correlation_id', r->>'trace_parent',
            (r->>'created_at')::timestamptz, 0
     from json_array_elements(?::json) with ordinality as x(r, position) order by position`,
    [JSON.stringify(rows)],
  );
  return rows.map((row) => row.id);
}

/**
 * The one way services change state that others must hear about: the change and its events
 * commit in one PostgreSQL transaction, then the relay is woken to publish them.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** `afterCommit` queues work (a job to enqueue, say) that must wait for the commit and is dropped on rollback. */
  async transaction<T>(
    work: (em: EntityManager, emit: EmitEvent, afterCommit: RunAfterCommit) => Promise<T>,
  ): Promise<T> {
    const result = await this.orm.em.fork().transactional((em) =>
      work(
        em,
        (subject, data) => recordEvent(em, subject, data),
        (job) => this.afterCommit.run(em, job),
      ),
    );
    this.relay.wake();
    return result;
  }
}
