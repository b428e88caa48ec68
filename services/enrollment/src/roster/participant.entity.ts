import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ParticipantStatus, ParticipantView } from '@invigil/contracts';

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

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  toView(): ParticipantView {
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
    };
  }
}
