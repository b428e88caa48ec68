import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** An event waiting to be published, written in the same transaction as the change it describes. */
@Entity({ tableName: 'outbox' })
@Index({ name: 'outbox_unpublished_idx', properties: ['seq'], options: { where: 'published_at is null' } })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Commit order within the service: events of the same millisecond still publish in the order written. */
  @Property({ type: 'bigint', autoincrement: true, unique: 'outbox_seq_key' })
  seq?: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'json' })
  payload!: object;

  @Property({ type: 'text', nullable: true })
  correlationId: string | null = null;

  /** W3C traceparent of the work that recorded the event, so consumers continue the same trace. */
  @Property({ type: 'text', nullable: true })
  traceParent: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer' })
  publishAttempts = 0;
}
