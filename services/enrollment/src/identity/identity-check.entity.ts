import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { IdentityStatus } from '@invigil/contracts';

export type StoredIdentityStatus = IdentityStatus.Submitted | IdentityStatus.Approved | IdentityStatus.Rejected;

/** A participant's identity photos and the proctor's decision on them (one per session and user). */
@Entity({ tableName: 'identity_check' })
@Unique({ properties: ['sessionId', 'userId'] })
@Index({ properties: ['participantId'] })
export class IdentityCheck {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  participantId!: string;

  /** Lazy: lists and decisions never load the photos, only the photo request does. */
  @Property({ type: 'blob', columnType: 'bytea', lazy: true })
  facePhoto!: Buffer;

  @Property({ type: 'text' })
  faceContentType!: string;

  @Property({ type: 'blob', columnType: 'bytea', lazy: true })
  idPhoto!: Buffer;

  @Property({ type: 'text' })
  idContentType!: string;

  @Enum({ items: [IdentityStatus.Submitted, IdentityStatus.Approved, IdentityStatus.Rejected], columnType: 'text' })
  status!: StoredIdentityStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  submittedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  decidedAt: Date | null = null;

  /** The proctor or admin who decided. */
  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  /** Why it was rejected (the candidate reads it), or the approver's note. */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
