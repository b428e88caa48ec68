import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import { statusBitstring, statusListPosition } from '@invigil/domain';
import { RpcError } from '@invigil/server-platform';
import { gzipSync } from 'node:zlib';
import { revokedIndexes } from './credential-status';
import { IssuerKey } from './issuer-key.entity';
import { IssuerKeys } from './issuer-keys';
import { IssuerUrls } from './issuer-urls';
import { offlineLoader } from './linked-data/offline-loader';
import { credentialDate, VC_V2_CONTEXT } from './open-badge';

/** The multibase (base64url, "u") of the GZIP-compressed bitstring, as the W3C Bitstring Status List says. */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/**
 * Serves each organization's `BitstringStatusListCredential`, built from the database when asked and
 * signed with the organization's key, so a revocation shows at once to anyone who checks. The signed
 * list is kept while its revoked bits stay the same: a flood of checks costs a query each, not a signature.
 */
@Injectable()
export class StatusLists {
  private readonly loader = offlineLoader();
  private readonly signed = new Map<string, { bits: string; document: Record<string, unknown> }>();

  constructor(
    private readonly em: EntityManager,
    private readonly keys: IssuerKeys,
    private readonly urls: IssuerUrls,
  ) {}

  async statusList(orgId: string, page: number): Promise<Record<string, unknown>> {
    const em = this.em.fork();
    const issuer = await em.findOne(IssuerKey, { orgId });
    if (!issuer) throw RpcError.notFound('This organization has issued no credentials, so it has no status list.');
    if (page > (await this.lastPage(em, orgId))) {
      throw RpcError.notFound(`There is no status list ${page}: no credential of this organization points at it.`);
    }
    const id = this.urls.statusList(orgId, page);
    const revoked = await revokedIndexes(em, orgId, page);
    const fingerprint = revoked.sort((a, b) => a - b).join(',');
    const cached = this.signed.get(id);
    if (cached?.bits === fingerprint) return cached.document;
    const key = await this.keys.signerFor(orgId, issuer.organizationName);
    const document = await issue({
      credential: {
        '@context': [VC_V2_CONTEXT],
        id,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.urls.issuer(orgId),
        validFrom: credentialDate(new Date()),
        credentialSubject: {
          id: `${id}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: encodeStatusList(statusBitstring(revoked)),
        },
      },
      suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
      documentLoader: this.loader,
    });
    this.signed.set(id, { bits: fingerprint, document });
    return document;
  }

  private async lastPage(em: EntityManager, orgId: string): Promise<number> {
    const [row] = await em
      .getConnection()
      .execute<{ last: number | null }[]>(
        `select max("status_sequence") as last from "credential" where "org_id" = ?`,
        [orgId],
      );
    return row?.last === null || row?.last === undefined ? -1 : statusListPosition(Number(row.last)).page;
  }
}
