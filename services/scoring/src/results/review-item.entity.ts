import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Rubric } from '@invigil/contracts';
import { QuestionType, ReviewState } from '@invigil/contracts';

/**
 * One answer a person may mark: every essay (awaiting a reviewer until marked) and every short answer
 * (scored automatically; a reviewer may override it). What the reviewer needs (the question's prompt,
 * points and rubric, the answer's text) is copied in, so reviewing never asks another service.
 */
@Entity({ tableName: 'review_item' })
@Unique({ properties: ['resultId', 'questionId'] })
@Index({ properties: ['orgId', 'sessionId', 'state'] })
export class ReviewItem {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  resultId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  questionId!: string;

  /** 1-based position of the question in the assessment, as reviewers call it ("question 4"). */
  @Property({ type: 'integer' })
  questionNumber!: number;

  @Enum({ items: () => QuestionType, columnType: 'text' })
  questionType!: QuestionType;

  @Property({ type: 'text' })
  prompt!: string;

  @Property({ type: 'integer' })
  maxPoints!: number;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  rubric: Rubric | null = null;

  @Property({ type: 'text', nullable: true })
  reviewerGuidance: string | null = null;

  @Property({ type: 'text' })
  answerText!: string;

  @Enum({ items: () => ReviewState, columnType: 'text' })
  state!: ReviewState;

  /** The automatic points the result's automatic score already holds for this answer (0 for an essay). */
  @Property({ type: 'integer' })
  autoPoints!: number;

  /** The mark that counts: the automatic points until a reviewer marks it; null for an unmarked essay. */
  @Property({ type: 'integer', nullable: true })
  points: number | null = null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  rubricLevels: number[] | null = null;

  @Property({ type: 'text', nullable: true })
  feedback: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  reviewedAt: Date | null = null;
}
