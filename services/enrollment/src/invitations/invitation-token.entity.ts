import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A one-time sign-in link. Only the SHA-256 of the token is stored; the token itself is in the mail. */
@Entity({ tableName: 'invitation_token' })
@Index({ properties: ['participantId'] })
export class InvitationToken {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  participantId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
