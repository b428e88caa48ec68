import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { RecordActorType, RecordDetail, RecordEntryView } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';

/**
 * One entry of a session's record. Written only by `appendRecordEntry` (plain SQL under the chain
 * head's lock) and never updated: this entity exists to read entries back.
 */
@Entity({ tableName: 'record_entry' })
@Index({ properties: ['sessionId', 'userId'] })
@Index({ properties: ['sessionId', 'at'] })
export class RecordEntry {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  /** 1, 2, 3… per session: the entry's place in the chain. */
  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'uuid' })
  orgId!: string;

  /** When it happened (the event's time). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at!: Date;

  @Enum({ items: () => RecordKind, columnType: 'text' })
  kind!: RecordKind;

  /** The candidate it concerns; null for a session-wide entry. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'text' })
  actorType!: RecordActorType;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text', nullable: true })
  actorRole: string | null = null;

  @Property({ type: 'json', columnType: 'jsonb' })
  detail!: RecordDetail;

  /** The event it was made from: lets a reader trace an entry back to the outbox of its sender. */
  @Property({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;

  toView(): RecordEntryView {
    return {
      sessionId: this.sessionId,
      seq: this.seq,
      at: this.at.toISOString(),
      kind: this.kind,
      userId: this.userId,
      actor: { type: this.actorType, userId: this.actorId, role: this.actorRole },
      detail: this.detail,
      prevHash: this.prevHash,
      hash: this.hash,
    };
  }
}
