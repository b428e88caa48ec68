import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AttemptStatus } from '@invigil/contracts';
import { ProctoredSession } from '../sessions/proctored-session.entity';

/** One candidate's sitting of a session: created when they first open it, once per session and user. */
@Entity({ tableName: 'attempt' })
@Unique({ properties: ['sessionId', 'userId'] })
export class Attempt {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @ManyToOne(() => ProctoredSession, { mapToPk: true, fieldName: 'session_id' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  /** The enrollment service's roster entry, checked when the attempt was created. */
  @Property({ type: 'uuid' })
  participantId!: string;

  @Enum({ items: () => AttemptStatus, columnType: 'text' })
  status!: AttemptStatus;

  /** The candidate's clock starts here. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  submittedAt: Date | null = null;
}
