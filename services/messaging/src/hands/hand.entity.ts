import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { HandView } from '@invigil/contracts';

/** A candidate's raised (or lowered) hand: one row per participant, the latest state. */
@Entity({ tableName: 'hand' })
export class Hand {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'boolean' })
  raised!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at: Date = new Date();

  toView(): HandView {
    return { sessionId: this.sessionId, userId: this.userId, raised: this.raised, at: this.at.toISOString() };
  }
}
