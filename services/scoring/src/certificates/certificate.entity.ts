import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CertificateStatus } from '@invigil/contracts';

/** The certificate of a passing result. The PDF is rendered by a queued job, so it starts out pending. */
@Entity({ tableName: 'certificate' })
@Index({ name: 'certificate_pending_idx', properties: ['status'], options: { where: `status = 'pending'` } })
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  @Unique()
  resultId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Enum({ items: () => CertificateStatus, columnType: 'text' })
  status: CertificateStatus = CertificateStatus.Pending;

  /** Lazy: status checks and listings never drag the PDF bytes along. */
  @Property({ type: 'blob', columnType: 'bytea', nullable: true, lazy: true })
  pdf: Buffer | null = null;

  @Property({ type: 'text' })
  fileName!: string;

  /** The date printed on the certificate: when the passing result was recorded. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  issuedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  revokedAt: Date | null = null;

  /** Shown to whoever asks for a revoked certificate. */
  @Property({ type: 'text', nullable: true })
  revokedReason: string | null = null;
}
