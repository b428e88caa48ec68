import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Assessment } from './assessment.entity';
import { StoredQuestion, StoredSection } from './questions';

/** One immutable version of an assessment's content, answer keys included. Sessions pin one. */
@Entity({ tableName: 'assessment_version' })
@Unique({ properties: ['assessmentId', 'version'] })
export class AssessmentVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Assessment, { mapToPk: true, fieldName: 'assessment_id' })
  assessmentId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'integer' })
  passingPercent!: number;

  /** Kept beside the questions so lists need not load every question. */
  @Property({ type: 'integer' })
  questionCount!: number;

  /** Empty for versions written before sections: they have one implicit section. */
  @Property({ type: 'json', columnType: 'jsonb' })
  sections: StoredSection[] = [];

  /** In order, each naming its section. */
  @Property({ type: 'json', columnType: 'jsonb' })
  questions!: StoredQuestion[];

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
