import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ReleasePolicy } from '@invigil/contracts';
import { DEFAULT_RELEASE_POLICY, DEFAULT_VISIBILITY } from '@invigil/domain';

/** When one session's results reach its candidates, what they show, and the release once it happened. */
@Entity({ tableName: 'release_settings' })
export class ReleaseSettings {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  policy: Opt<ReleasePolicy> = DEFAULT_RELEASE_POLICY;

  @Property({ type: 'boolean' })
  showScore: Opt<boolean> = DEFAULT_VISIBILITY.score;

  @Property({ type: 'boolean' })
  showPassFail: Opt<boolean> = DEFAULT_VISIBILITY.passFail;

  @Property({ type: 'boolean' })
  showQuestionCorrectness: Opt<boolean> = DEFAULT_VISIBILITY.questionCorrectness;

  @Property({ type: 'boolean' })
  showCorrectAnswers: Opt<boolean> = DEFAULT_VISIBILITY.correctAnswers;

  @Property({ type: 'boolean' })
  showFeedback: Opt<boolean> = DEFAULT_VISIBILITY.feedback;

  /** Set once, by the proctor's Release (or the policy once every review is in); a second release changes nothing. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  releasedAt: Date | null = null;

  /** Null when the policy released by itself. */
  @Property({ type: 'uuid', nullable: true })
  releasedBy: string | null = null;
}
