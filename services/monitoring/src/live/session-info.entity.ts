import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** What monitoring remembers of a session: enough to show progress against the question count. */
@Entity({ tableName: 'session_info' })
export class SessionInfo {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  questionCount!: number;
}
