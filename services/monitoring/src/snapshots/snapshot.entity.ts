import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SnapshotView } from '@invigil/contracts';

/** One low-resolution screen snapshot of one participant (the latest 100 per participant are kept). */
@Entity({ tableName: 'snapshot' })
@Index({ properties: ['sessionId', 'userId', 'receivedAt'] })
export class Snapshot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  contentType!: string;

  /** Lazy: lists carry metadata only; the image is loaded when one snapshot is asked for. */
  @Property({ type: 'blob', columnType: 'bytea', lazy: true })
  image!: Buffer;

  @Property({ type: 'integer' })
  bytes!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  capturedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  receivedAt!: Date;

  toView(): SnapshotView {
    return {
      id: this.id,
      sessionId: this.sessionId,
      userId: this.userId,
      capturedAt: this.capturedAt.toISOString(),
      receivedAt: this.receivedAt.toISOString(),
      bytes: this.bytes,
    };
  }
}
