import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Ed25519Multikey, ExportedMultikey } from '@digitalbazaar/ed25519-multikey';
import { from as multikeyFrom, generate as generateMultikey } from '@digitalbazaar/ed25519-multikey';
import { IssuerKey } from './issuer-key.entity';
import { IssuerUrls } from './issuer-urls';

/**
 * Each organization's signing key: made on first use and stored (the first of two replicas racing to
 * make it wins; the other reads the winner's). Keys never change, so they are cached once read.
 */
@Injectable()
export class IssuerKeys {
  private readonly signers = new Map<string, Promise<Ed25519Multikey>>();

  constructor(
    private readonly em: EntityManager,
    private readonly urls: IssuerUrls,
  ) {}

  /** The key pair that signs for `orgId`, made now if the organization has none yet. */
  signerFor(orgId: string, organizationName: string): Promise<Ed25519Multikey> {
    let signer = this.signers.get(orgId);
    if (!signer) {
      signer = this.loadOrCreate(orgId, organizationName);
      this.signers.set(orgId, signer);
      signer.catch(() => this.signers.delete(orgId));
    }
    return signer;
  }

  /** The public half as served at the key's id; null when the organization never issued anything. */
  async publicKey(orgId: string): Promise<ExportedMultikey | null> {
    const key = await this.em.fork().findOne(IssuerKey, { orgId });
    if (!key) return null;
    return {
      '@context': 'https://w3id.org/security/multikey/v1',
      id: this.urls.key(orgId),
      type: 'Multikey',
      controller: this.urls.issuer(orgId),
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }

  private async loadOrCreate(orgId: string, organizationName: string): Promise<Ed25519Multikey> {
    const em = this.em.fork();
    const ids = { id: this.urls.key(orgId), controller: this.urls.issuer(orgId) };
    const fresh = await generateMultikey(ids);
    const exported = await fresh.export({ publicKey: true, secretKey: true });
    await em.getConnection().execute(
      `insert into "issuer_key" ("org_id", "public_key_multibase", "secret_key_multibase", "organization_name", "created_at")
       values (?, ?, ?, ?, now())
       on conflict ("org_id") do update set "organization_name" = excluded."organization_name"`,
      [orgId, exported.publicKeyMultibase, exported.secretKeyMultibase, organizationName],
    );
    const stored = await em.findOneOrFail(IssuerKey, { orgId }, { populate: ['secretKeyMultibase'] });
    return multikeyFrom({
      ...ids,
      type: 'Multikey',
      publicKeyMultibase: stored.publicKeyMultibase,
      secretKeyMultibase: stored.secretKeyMultibase,
    });
  }
}
