import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One line of a session's activity feed, written as a person reads it. */
@Entity({ tableName: 'activity_entry' })
@Index({ properties: ['sessionId', 'at'] })
export class ActivityEntry {
  /** Serial, so entries with the same timestamp keep the order in which they were recorded. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid', nullable: true })
  participantId: string | null = null;

  /** When it happened (the event's time), not when monitoring heard of it. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at!: Date;

  @Property({ type: 'text' })
  text!: string;
}
