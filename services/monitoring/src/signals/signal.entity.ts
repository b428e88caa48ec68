import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SignalKind, SignalView } from '@invigil/contracts';

/** One suspicious-activity signal of one participant; each raised one alert (its id is the alert's). */
@Entity({ tableName: 'signal' })
@Index({ properties: ['sessionId', 'receivedAt'] })
export class Signal {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => SignalKind, columnType: 'text' })
  kind!: SignalKind;

  /** When the page (or the sessions service) saw it: the browser's clock for page signals. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  /** When monitoring received it: the server's clock, which orders the list. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  receivedAt!: Date;

  @Property({ type: 'text', nullable: true })
  detail: string | null = null;

  toView(): SignalView {
    return {
      id: this.id,
      sessionId: this.sessionId,
      userId: this.userId,
      kind: this.kind,
      occurredAt: this.occurredAt.toISOString(),
      receivedAt: this.receivedAt.toISOString(),
      detail: this.detail,
    };
  }
}
