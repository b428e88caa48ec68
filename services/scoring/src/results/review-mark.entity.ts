import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { MarkRole } from '@invigil/domain';

/** One reviewer's mark of a double-marked essay: the first, the blind second, or the moderator's. */
@Entity({ tableName: 'review_mark' })
@Unique({ properties: ['itemId', 'role'] })
@Index({ properties: ['itemId'] })
export class ReviewMark {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'text' })
  role!: MarkRole;

  @Property({ type: 'uuid' })
  reviewerId!: string;

  @Property({ type: 'integer' })
  points!: number;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  rubricLevels: number[] | null = null;

  @Property({ type: 'text', nullable: true })
  feedback: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  markedAt: Date = new Date();
}
