import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A feedback comment a reviewer saved for one question, to pick again for other candidates' answers. */
@Entity({ tableName: 'review_comment' })
@Unique({ properties: ['orgId', 'questionId', 'text'] })
@Index({ properties: ['orgId', 'questionId'] })
export class ReviewComment {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  /** Question ids are made per assessment version, so a comment belongs to one version's question. */
  @Property({ type: 'uuid' })
  questionId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
