import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A candidate's message that no staff member has read yet. The first staff read receipt removes it
 * (several proctors share one thread), so the row's unread count moves once per message.
 */
@Entity({ tableName: 'unread_message' })
@Index({ properties: ['sessionId', 'userId'] })
export class UnreadMessage {
  @PrimaryKey({ type: 'uuid' })
  messageId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  /** The candidate who wrote it. */
  @Property({ type: 'uuid' })
  userId!: string;
}
