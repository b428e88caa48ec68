import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { AffectedUser, IncidentEvidence, IncidentView } from '@invigil/contracts';
import { IncidentCategory, IncidentSeverity } from '@invigil/contracts';

/**
 * An incident a staff member filed on a candidate or on the whole session. Written once and never
 * changed: a correction is a new incident, so the record entry made with it stays true.
 */
@Entity({ tableName: 'incident' })
@Index({ properties: ['sessionId', 'filedAt'] })
export class Incident {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  /** The candidate it concerns; null: the session. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Enum({ items: () => IncidentCategory, columnType: 'text' })
  category!: IncidentCategory;

  @Property({ type: 'text' })
  subCategory!: string;

  @Enum({ items: () => IncidentSeverity, columnType: 'text' })
  severity!: IncidentSeverity;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  actionTaken: string | null = null;

  @Property({ type: 'json', columnType: 'jsonb' })
  evidence!: IncidentEvidence;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  affectedUsers: AffectedUser[] | null = null;

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'text' })
  actorRole!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  filedAt!: Date;

  /** The incident's entry in the session record. */
  @Property({ type: 'integer' })
  recordSeq!: number;

  toView(): IncidentView {
    return {
      id: this.id,
      sessionId: this.sessionId,
      userId: this.userId,
      category: this.category,
      subCategory: this.subCategory,
      severity: this.severity,
      description: this.description,
      actionTaken: this.actionTaken,
      evidence: this.evidence,
      affectedUsers: this.affectedUsers,
      actor: { type: 'staff', userId: this.actorId, role: this.actorRole },
      filedAt: this.filedAt.toISOString(),
      recordSeq: this.recordSeq,
    };
  }
}
