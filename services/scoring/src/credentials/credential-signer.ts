import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import { generateVerificationCode } from '@invigil/domain';
import { randomInt, randomUUID } from 'node:crypto';
import type { IssuedCredential } from './issued-credential.entity';
import { IssuerKeys } from './issuer-keys';
import { IssuerUrls } from './issuer-urls';
import { offlineLoader } from './linked-data/offline-loader';
import { openBadgeCredential } from './open-badge';
import type { CredentialFacts } from './open-badge';

export type NewCredential = Omit<IssuedCredential, 'revokedAt' | 'revokedReason'>;

/** What the certificate job knows when it asks for a credential. */
export type CertificateFacts = Omit<CredentialFacts, 'credentialId' | 'verificationCode' | 'statusSequence'> & {
  certificateId: string;
};

/**
 * Signs the Open Badges credential of a certificate rendering. It returns the row to store, which the
 * caller creates in the same transaction as the PDF that prints its code.
 */
@Injectable()
export class CredentialSigner {
  private readonly loader = offlineLoader();

  constructor(
    private readonly em: EntityManager,
    private readonly keys: IssuerKeys,
    private readonly urls: IssuerUrls,
  ) {}

  async sign(facts: CertificateFacts): Promise<NewCredential> {
    const [row] = await this.em
      .getConnection()
      .execute<{ sequence: string }[]>(`select nextval('credential_status_sequence') as sequence`);
    const full: CredentialFacts = {
      ...facts,
      credentialId: randomUUID(),
      verificationCode: generateVerificationCode(randomInt),
      statusSequence: Number(row?.sequence),
    };
    const key = await this.keys.signerFor(facts.orgId, facts.organizationName);
    const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite });
    const document = await issue({
      credential: openBadgeCredential(full, this.urls),
      suite,
      documentLoader: this.loader,
    });
    return {
      id: full.credentialId,
      orgId: full.orgId,
      certificateId: facts.certificateId,
      verificationCode: full.verificationCode,
      statusSequence: full.statusSequence,
      holderName: full.holderName,
      organizationName: full.organizationName,
      assessmentTitle: full.assessmentTitle,
      percent: full.percent,
      passed: full.passed,
      issuedAt: full.issuedAt,
      document,
    };
  }
}
