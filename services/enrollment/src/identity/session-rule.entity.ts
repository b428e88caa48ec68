import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What enrollment knows of a session's settings beyond the joining rules it asks for: whether
 * candidates need an approved identity check. Kept from sessions' created/updated events (and
 * from the session a join or an addition fetched), so participant views need no remote call.
 */
@Entity({ tableName: 'session_rule' })
export class SessionRule {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'boolean' })
  identityVerification!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  updatedAt: Date = new Date();
}
