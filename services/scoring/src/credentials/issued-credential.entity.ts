import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One Open Badges credential as issued for a certificate. A certificate rendered again after its
 * result changed gets a new credential with a new code; the old one is marked superseded (revoked).
 */
@Entity({ tableName: 'credential' })
@Index({ properties: ['certificateId'] })
@Index({ properties: ['orgId', 'statusSequence'] })
export class IssuedCredential {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  certificateId!: string;

  @Property({ type: 'text' })
  @Unique()
  verificationCode!: string;

  /** Position in the organization's status lists (page × list length + index). */
  @Property({ type: 'int' })
  statusSequence!: number;

  @Property({ type: 'text' })
  holderName!: string;

  @Property({ type: 'text' })
  organizationName!: string;

  @Property({ type: 'text' })
  assessmentTitle!: string;

  @Property({ type: 'double' })
  percent!: number;

  @Property({ type: 'boolean' })
  passed!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  issuedAt!: Date;

  /** The signed credential, exactly as handed out. */
  @Property({ type: 'json', lazy: true })
  document!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  revokedReason: string | null = null;
}
