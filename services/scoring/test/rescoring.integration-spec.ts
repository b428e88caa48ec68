import type { AttemptSubmittedEvent, CertificateFile, ResultView } from '@invigil/contracts';
import { CertificateStatus, Events, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope, waitUntilConsumed } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { Certificate } from '../src/certificates/certificate.entity';
import { Result } from '../src/results/result.entity';
import { CARLA, CHEN, CYRUS, ORG_ID, SESSION_ID, submission } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';

type PdfParse = (data: Uint8Array) => Promise<{ text: string }>;
// The package's main entry runs a debug script when required; its library file does not.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;

/** The same attempt submitted again later, after a proctor reopened it. */
function resubmission(first: AttemptSubmittedEvent, right: number, minutesLater: number): AttemptSubmittedEvent {
  const again = submission(first.userId, right, first.attemptId);
  return { ...again, submittedAt: new Date(Date.parse(first.submittedAt) + minutesLater * 60_000).toISOString() };
}

function reopening(first: AttemptSubmittedEvent, minutesLater: number) {
  return {
    orgId: ORG_ID,
    sessionId: SESSION_ID,
    attemptId: first.attemptId,
    userId: first.userId,
    remainingSeconds: 600,
    actorId: randomUUID(),
    reason: 'Power cut in the test centre',
    minutes: 10,
    at: new Date(Date.parse(first.submittedAt) + minutesLater * 60_000).toISOString(),
  };
}

describe('scoring a reopened attempt again (real PostgreSQL, NATS, Redis)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;
  const em = () => suite.db();
  const myResult = async (userId: string) =>
    (await nats.request<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId: SESSION_ID }))
      .response;
  const certificateStatus = async (userId: string) =>
    (await myResult(userId))?.certificate?.status ?? 'no certificate yet';

  beforeAll(async () => {
    ({ nats } = await suite.start());
  });

  afterAll(() => suite.stop());

  it('withdraws a failed result on reopening, then scores the new submission and certifies the pass', async () => {
    const first = submission(CHEN.id, 1);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await eventually(async () => (await myResult(CHEN.id))?.passed === false, 10_000, 'the failing first result');

    await publishEnvelope(nats, envelope(Events.attemptReopened, reopening(first, 1)));
    await waitUntilConsumed(nats, 'scoring');
    // While the candidate is writing again, the old score no longer stands.
    expect(await myResult(CHEN.id)).toBeNull();

    await publishEnvelope(nats, envelope(Events.attemptSubmitted, resubmission(first, 3, 5)));
    await eventually(async () => (await certificateStatus(CHEN.id)) === CertificateStatus.Ready, 20_000, 'a pass');
    expect(await myResult(CHEN.id)).toMatchObject({ score: 3, maxScore: 3, percent: 100, passed: true });
    expect(await em().count(Result, { attemptId: first.attemptId })).toBe(1);

    // The first submission arriving again (a redelivery under a new event id) changes nothing.
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await waitUntilConsumed(nats, 'scoring');
    expect(await myResult(CHEN.id)).toMatchObject({ score: 3, passed: true });
  });

  it('revokes the certificate of a pass whose new submission fails, and says why to its holder', async () => {
    const first = submission(CARLA.id, 3);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await eventually(async () => (await certificateStatus(CARLA.id)) === CertificateStatus.Ready, 20_000, 'a pass');
    const certificateId = (await myResult(CARLA.id))?.certificate?.id ?? '';

    await publishEnvelope(nats, envelope(Events.attemptReopened, reopening(first, 1)));
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, resubmission(first, 0, 5)));
    await eventually(async () => (await myResult(CARLA.id))?.passed === false, 10_000, 'the failing new result');

    expect(await myResult(CARLA.id)).toMatchObject({
      score: 0,
      percent: 0,
      certificate: { id: certificateId, status: CertificateStatus.Revoked },
    });
    const download = await nats.request(Requests.getCertificate, { orgId: ORG_ID, userId: CARLA.id, certificateId });
    expect(download.err?.code).toBe(RpcErrorCode.Conflict);
    expect(download.err?.message).toContain('revoked');
  });

  it('renders the certificate again with the new score when a reopened pass passes again', async () => {
    const userId = CYRUS.id;
    const first = submission(userId, 2);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, first));
    await eventually(async () => (await certificateStatus(userId)) === CertificateStatus.Ready, 20_000, 'a pass');
    await publishEnvelope(nats, envelope(Events.attemptReopened, reopening(first, 1)));
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, resubmission(first, 3, 5)));
    await eventually(async () => (await myResult(userId))?.percent === 100, 10_000, 'the new score');
    await eventually(async () => (await certificateStatus(userId)) === CertificateStatus.Ready, 20_000, 're-rendered');

    const certificate = await em().findOneOrFail(Certificate, { userId });
    const file = await nats.request<CertificateFile>(Requests.getCertificate, {
      orgId: ORG_ID,
      userId,
      certificateId: certificate.id,
    });
    const { text } = await pdfParse(new Uint8Array(Buffer.from(file.response?.base64 ?? '', 'base64')));
    expect(text).toContain('with a score of 100%');
  });
});
