import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Enrollment's copy of one session setting it needs on every participant view: whether candidates
 * need an approved identity check. Kept from sessions' created/updated events (and from the
 * session a join or an addition fetched), so participant views need no remote call. The table
 * keeps its first name, `session_rule`.
 */
@Entity({ tableName: 'session_rule' })
export class KnownSession {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'boolean' })
  identityVerification!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  updatedAt: Date = new Date();
}
