import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An organization's Ed25519 signing key, made on its first certificate. The secret never leaves
 * this service: only the public half is served (see docs/certificates.md for keys from a secret store).
 */
@Entity({ tableName: 'issuer_key' })
export class IssuerKey {
  @PrimaryKey({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  publicKeyMultibase!: string;

  @Property({ type: 'text', lazy: true })
  secretKeyMultibase!: string;

  /** The issuer profile's name, kept as it was at the latest issue. */
  @Property({ type: 'text' })
  organizationName!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
