import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import type { VerificationResult } from '@digitalbazaar/vc';
import type { CredentialCheckView, JsonLdDocument } from '@invigil/contracts';
import { Certificate } from '../certificates/certificate.entity';
import { revocationOf } from './credential-status';
import type { Revocation } from './credential-status';
import { IssuedCredential } from './issued-credential.entity';
import { IssuerKey } from './issuer-key.entity';
import { IssuerKeys } from './issuer-keys';
import { IssuerUrls } from './issuer-urls';
import { offlineLoader } from './linked-data/offline-loader';
import { issuerProfile } from './open-badge';
import { verificationViewOf } from './verification-view';

const invalid = (reason: string): CredentialCheckView => ({ verdict: 'invalid', reason, certificate: null });

/** The first words a verifier said about what failed, without its stack. */
function failureReason(result: VerificationResult): string {
  const errors = result.error?.errors ?? (result.error ? [result.error] : []);
  const first = errors.map((error) => error.message).find(Boolean);
  return first ? `The credential does not verify: ${first}` : 'The credential does not verify.';
}

/**
 * Checks a credential someone uploaded: the proof against the issuer's key (known here, never
 * fetched), then its revocation as recorded here. Anything malformed or forged is "invalid".
 */
@Injectable()
export class CredentialChecker {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: IssuerKeys,
    private readonly urls: IssuerUrls,
  ) {}

  async check(credential: JsonLdDocument): Promise<CredentialCheckView> {
    const issuer = credential['issuer'];
    const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | null)?.id;
    const orgId = typeof issuerId === 'string' ? this.urls.orgOf(issuerId) : null;
    if (!orgId) return invalid('The credential was not issued by this platform (its issuer is not one of ours).');
    const em = this.em.fork();
    const issuerKey = await em.findOne(IssuerKey, { orgId });
    const publicKey = await this.keys.publicKey(orgId);
    if (!issuerKey || !publicKey) return invalid('Its issuer has never issued a credential here.');
    const loader = offlineLoader([
      { id: publicKey.id, document: publicKey },
      { id: this.urls.issuer(orgId), document: issuerProfile(orgId, issuerKey.organizationName, this.urls) },
    ]);
    const stored = await this.storedCredential(em, credential['id']);
    let result: VerificationResult;
    try {
      result = await verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: loader,
        // The proof covers the status entry, so the bit it names is this credential's: it is read
        // below from the record the status list is built from.
        checkStatus: async () => ({ verified: true }),
      });
    } catch (error) {
      return invalid(`The credential could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!result.verified) return invalid(failureReason(result));
    if (!stored) return invalid('The proof holds, but this platform has no record of issuing this credential.');
    const view = verificationViewOf(stored.credential, stored.revocation);
    const found = stored.revocation;
    if (found) {
      return { verdict: 'revoked', reason: `Revoked on ${found.at.toISOString()}: ${found.reason}`, certificate: view };
    }
    return { verdict: 'valid', reason: 'The proof holds and the credential is not revoked.', certificate: view };
  }

  private async storedCredential(
    em: EntityManager,
    id: unknown,
  ): Promise<{ credential: IssuedCredential; revocation: Revocation | null } | null> {
    const uuid = typeof id === 'string' && id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : '';
    if (!/^[0-9a-f-]{36}$/i.test(uuid)) return null;
    const credential = await em.findOne(IssuedCredential, { id: uuid });
    if (!credential) return null;
    const certificate = await em.findOne(Certificate, { id: credential.certificateId });
    return { credential, revocation: revocationOf(credential, certificate) };
  }
}
