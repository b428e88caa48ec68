import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventPayload, EventSubject } from '@invigil/contracts';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../context/request-context';
import { currentTraceParent } from '../tracing/trace-context';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

export type EmitEvent = <S extends EventSubject>(subject: S, data: EventPayload<S>) => void;

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

/**
 * The one way services change state that others must hear about: the change and its events
 * commit in one PostgreSQL transaction, then the relay is woken to publish them.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
  ) {}

  async transaction<T>(work: (em: EntityManager, emit: EmitEvent) => Promise<T>): Promise<T> {
    const result = await this.orm.em
      .fork()
      .transactional((em) => work(em, (subject, data) => recordEvent(em, subject, data)));
    this.relay.wake();
    return result;
  }
}
