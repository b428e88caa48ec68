import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An assessment as the proctor knows it. Its content lives in immutable versions; this row points
 * at the current one, so editing later adds a version and never changes what a session pinned.
 */
@Entity({ tableName: 'assessment' })
@Index({ properties: ['orgId', 'createdAt'] })
export class Assessment {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  /** No foreign key: the version row references this one, and a cycle would need deferred constraints. */
  @Property({ type: 'uuid' })
  currentVersionId!: string;

  /** Number of the current version, starting at 1. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
