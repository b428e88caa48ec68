import { Entity, Index, PrimaryKey, Property, Unique, Opt } from '@mikro-orm/core';
import type { ResultQuestionView } from '@invigil/contracts';

/**
 * The automatic score of one submitted attempt; one per attempt, however often the submission arrives.
 * A reopened attempt keeps its row: its next submission is scored into it.
 */
@Entity({ tableName: 'result' })
@Index({ properties: ['orgId', 'sessionId', 'userId'] })
export class Result {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  @Unique()
  attemptId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  assessmentVersionId!: string;

  @Property({ type: 'text' })
  assessmentTitle!: string;

  @Property({ type: 'integer' })
  score!: number;

  @Property({ type: 'integer' })
  maxScore!: number;

  /** Rounded to one decimal place, as the domain rule computes it. */
  @Property({ type: 'double' })
  percent!: number;

  /** Points of essays waiting for a reviewer; while above zero the result is provisional and not passed. */
  @Property({ type: 'integer' })
  pendingReview: Opt<number> = 0;

  /**
   * Answers (essays) still waiting for a reviewer: while above zero the result is provisional.
   * `score` holds the automatic points plus every reviewer's mark so far.
   */
  @Property({ type: 'integer' })
  answersAwaitingReview: Opt<number> = 0;

  /** Points scored automatically, before any reviewer's mark; the marks are added to (or replace) these. */
  @Property({ type: 'integer' })
  autoScore!: number;

  /** The pass mark of the scored version, kept so the result can be decided when the last review is in. */
  @Property({ type: 'integer' })
  passingPercent!: number;

  @Property({ type: 'boolean' })
  passed!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  scoredAt: Date = new Date();

  /** When the scored submission was made: a later submission after a reopening replaces this score. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  submittedAt!: Date;

  /**
   * Set while the attempt is reopened by a proctor: this score no longer stands and the candidate's
   * next submission is scored in its place. Cleared when that happens.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  reopenedAt: Date | null = null;

  /** Each question's automatic outcome and key in words, for the released view (null for older results). */
  @Property({ type: 'json', nullable: true })
  questionOutcomes: ResultQuestionView[] | null = null;
}
