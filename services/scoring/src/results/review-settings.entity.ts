import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How one session's answers are reviewed. Reviewers see pseudonyms until identities are revealed: by an
 * admin, or (later) by the release of the session's results.
 */
@Entity({ tableName: 'review_settings' })
export class ReviewSettings {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  identitiesRevealedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  identitiesRevealedBy: string | null = null;

  /** Essays get two blind marks from different reviewers; see `settleDoubleMarks`. */
  @Property({ type: 'boolean' })
  doubleMarking: Opt<boolean> = false;

  /** How far apart two marks may be (percent of the question's points) before a moderator decides. */
  @Property({ type: 'integer' })
  moderationThresholdPercent: Opt<number> = 20;
}
