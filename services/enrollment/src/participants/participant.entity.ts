import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { IdentityStatus, ParticipantStatus, ParticipantView } from '@invigil/contracts';

/** One user on one session's roster. */
@Entity({ tableName: 'participant' })
@Unique({ properties: ['sessionId', 'userId'] })
@Index({ properties: ['orgId', 'sessionId'] })
export class Participant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => ParticipantStatus, columnType: 'text' })
  status!: ParticipantStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  joinedAt: Date | null = null;

  /** Individual time limit in minutes; when set it is the limit. */
  @Property({ type: 'integer', nullable: true })
  timeLimitMinutes: number | null = null;

  /** Individual multiplier of the session's duration (e.g. 1.5), used when no minutes are set. */
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  timeLimitMultiplier: number | null = null;

  /** Set when a proctor put the user on the roster (manual addition or import). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  invitedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  addedBy: string | null = null;

  /** When an email invitation was last sent; null when the code is handed out instead. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  invitationSentAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** `identityStatus` comes from the identity check and the session's rule (see IdentityStatuses). */
  toView(identityStatus: IdentityStatus): ParticipantView {
    return {
      id: this.id,
      orgId: this.orgId,
      sessionId: this.sessionId,
      userId: this.userId,
      displayName: this.displayName,
      email: this.email,
      status: this.status,
      joinedAt: this.joinedAt?.toISOString() ?? null,
      updatedAt: this.updatedAt.toISOString(),
      timeLimitMinutes: this.timeLimitMinutes,
      timeLimitMultiplier: this.timeLimitMultiplier,
      invitedAt: this.invitedAt?.toISOString() ?? null,
      invitationSentAt: this.invitationSentAt?.toISOString() ?? null,
      identityStatus,
    };
  }
}
