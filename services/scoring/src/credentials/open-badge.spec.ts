import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { generate } from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue, verifyCredential } from '@digitalbazaar/vc';
import { gunzipSync } from 'node:zlib';
import { statusBitAt, statusBitstring } from '@invigil/domain';
import { IssuerUrls } from './issuer-urls';
import { offlineLoader } from './linked-data/offline-loader';
import { issuerProfile, openBadgeCredential } from './open-badge';
import { encodeStatusList } from './status-lists';

const ORG = '0b6a4c1e-2f3d-4a5b-8c7d-9e0f11223344';
const urls = new IssuerUrls('https://exams.example.com');
const facts = {
  credentialId: '6f1c2a4e-8a3b-4c5d-9e0f-112233445566',
  orgId: ORG,
  organizationName: 'Demo Academy',
  sessionId: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d',
  holderName: 'Carla Candidate',
  assessmentTitle: 'Safety Basics',
  percent: 66.666,
  passed: true,
  issuedAt: new Date('2026-11-26T10:00:00.123Z'),
  verificationCode: '7K2M9QXD4RTA',
  statusSequence: 7,
};

async function signed() {
  const key = await generate({ id: urls.key(ORG), controller: urls.issuer(ORG) });
  const publicKey = await key.export({ publicKey: true, includeContext: true });
  const credential = await issue({
    credential: openBadgeCredential(facts, urls),
    suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
    documentLoader: offlineLoader(),
  });
  const loader = offlineLoader([
    { id: publicKey.id, document: publicKey },
    { id: urls.issuer(ORG), document: issuerProfile(ORG, 'Demo Academy', urls) },
  ]);
  const verify = (document: Record<string, unknown>) =>
    verifyCredential({
      credential: document,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      checkStatus: async () => ({ verified: true }),
    });
  return { credential, verify };
}

describe('Open Badges credential', () => {
  it('carries the result, the achievement and its status bit, and verifies offline', async () => {
    const { credential, verify } = await signed();
    expect(credential['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential['validFrom']).toBe('2026-11-26T10:00:00Z');
    expect(credential['credentialSubject']).toMatchObject({
      name: 'Carla Candidate',
      achievement: { name: 'Safety Basics' },
      result: [{ value: '66.7%', status: 'Completed' }],
    });
    expect(credential['credentialStatus']).toMatchObject({
      statusListIndex: '7',
      statusListCredential: `https://exams.example.com/api/issuers/${ORG}/status/0`,
    });
    expect((await verify(credential)).verified).toBe(true);
  });

  it('fails verification once anything in it is changed', async () => {
    const { credential, verify } = await signed();
    const tampered = structuredClone(credential);
    (tampered['credentialSubject'] as { name: string }).name = 'Mallory';
    expect((await verify(tampered)).verified).toBe(false);
  });

  it('encodes the status list as multibase base64url of the GZIP bitstring', () => {
    const encoded = encodeStatusList(statusBitstring([3]));
    expect(encoded.startsWith('u')).toBe(true);
    const bits = new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
    expect(statusBitAt(bits, 3)).toBe(true);
    expect(statusBitAt(bits, 4)).toBe(false);
  });
});
