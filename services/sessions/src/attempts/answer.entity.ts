import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { AnswerValue } from '@invigil/contracts';
import { Attempt } from './attempt.entity';

/**
 * The latest accepted answer to one question of one attempt. Written only by the sequence-guarded
 * upsert in answer-store.ts, never through the unit of work, so an older save cannot win a race.
 */
@Entity({ tableName: 'answer' })
export class Answer {
  @ManyToOne(() => Attempt, { primary: true, mapToPk: true, fieldName: 'attempt_id' })
  attemptId!: string;

  @PrimaryKey({ type: 'uuid' })
  questionId!: string;

  /** The candidate's answer, reduced to the one field its question's type uses. */
  @Property({ type: 'json', columnType: 'jsonb' })
  value!: AnswerValue;

  /** The client's sequence number of the stored answer; only a higher one replaces it. */
  @Property({ type: 'integer' })
  clientSeq!: number;

  /** Accepted saves of this question: the guide's "number of attempts per question". */
  @Property({ type: 'integer' })
  changeCount!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  savedAt!: Date;
}
