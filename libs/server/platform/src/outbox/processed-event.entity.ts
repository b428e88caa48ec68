import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Marks an event as handled by a consumer, in the same transaction as the handler's effect. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  processedAt: Date = new Date();
}
