import type { CertificateFile, ResultView } from '@invigil/contracts';
import { CertificateStatus, Events, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import {
  envelope,
  eventually,
  EXPECTED_GARBAGE_CODES,
  publishEnvelope,
  sendGarbageToEverySubject,
  StreamWatcher,
  waitUntilConsumed,
} from '@invigil/server-testing';
import { OutboxMessage } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Certificate } from '../src/certificates/certificate.entity';
import { Result } from '../src/results/result.entity';
import {
  CARLA,
  CHEN,
  CYRUS,
  ESSAY_KEY,
  KEY,
  MIXED_KEY,
  mixedSubmission,
  ORG_ID,
  SESSION_ID,
  submission,
} from './support/fixtures';
import { first } from '@invigil/server-testing';
import { ScoringSuite } from './support/scoring-suite';

type PdfParse = (data: Uint8Array) => Promise<{ text: string }>;
// The package's main entry runs a debug script when required; its library file does not.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;

describe('scoring service (real PostgreSQL, NATS, Redis)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;
  let peers: ScoringSuite['peers'];
  let stream: StreamWatcher;
  const em = () => suite.db();
  const myResult = async (userId: string) =>
    (await nats.request<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId: SESSION_ID }))
      .response;

  beforeAll(async () => {
    ({ nats, peers } = await suite.start(async (connection) => (stream = await StreamWatcher.start(connection))));
  });

  afterAll(async () => {
    stream?.stop();
    await suite.stop();
  });

  it('scores a submission once, however often and under however many event ids it arrives', async () => {
    const event = envelope(Events.attemptSubmitted, submission(CARLA.id, 2));
    await publishEnvelope(nats, event);
    await publishEnvelope(nats, event);
    await publishEnvelope(nats, event, { dedupe: false });
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, event.data));
    await waitUntilConsumed(nats, 'scoring');

    const results = await em().find(Result, { attemptId: event.data.attemptId });
    expect(results).toHaveLength(1);
    const result = first(results);
    expect(result).toMatchObject({
      score: 2,
      maxScore: 3,
      percent: 66.7,
      passed: true,
      assessmentTitle: 'Safety Basics',
    });
    expect(await em().count(OutboxMessage, { subject: Events.resultRecorded })).toBe(1);
    const recorded = await eventually(
      () => stream.of(Events.resultRecorded).find((e) => e.data.resultId === result.id),
      10_000,
      'result.recorded',
    );
    expect(recorded.data).toEqual({
      orgId: ORG_ID,
      sessionId: SESSION_ID,
      resultId: result.id,
      userId: CARLA.id,
      percent: 66.7,
      passed: true,
      answersAwaitingReview: 0,
    });
  });

  it("renders the passing candidate's certificate in a job and gives the PDF to its holder alone", async () => {
    const ready = await eventually(
      async () => {
        const result = await myResult(CARLA.id);
        return result?.certificate?.status === CertificateStatus.Ready && result;
      },
      20_000,
      'a ready certificate',
    );
    expect(ready).toMatchObject({
      userId: CARLA.id,
      sessionId: SESSION_ID,
      score: 2,
      maxScore: 3,
      percent: 66.7,
      passed: true,
    });
    const certificateId = ready.certificate?.id ?? '';
    expect(peers.users.received).toContainEqual({ orgId: ORG_ID, userId: CARLA.id });

    const file = await nats.request<CertificateFile>(Requests.getCertificate, {
      orgId: ORG_ID,
      userId: CARLA.id,
      certificateId,
    });
    expect(file.response).toMatchObject({ fileName: 'certificate-safety-basics.pdf', contentType: 'application/pdf' });
    // A copy with its own ArrayBuffer: pdf.js ignores the offset of Buffers cut from Node's shared pool.
    const { text } = await pdfParse(new Uint8Array(Buffer.from(file.response?.base64 ?? '', 'base64')));
    for (const expected of ['Carla Candidate', 'with a score of 66.7%', 'Safety Basics', 'DEMO ACADEMY', certificateId])
      expect(text).toContain(expected);
    await eventually(
      () =>
        stream
          .of(Events.certificateIssued)
          .some((e) => e.data.certificateId === certificateId && e.data.userId === CARLA.id),
      10_000,
      'certificate.issued',
    );

    const byOther = await nats.request(Requests.getCertificate, { orgId: ORG_ID, userId: CHEN.id, certificateId });
    expect(byOther.err?.code).toBe(RpcErrorCode.NotFound);
    const fromOtherOrg = await nats.request(Requests.getCertificate, {
      orgId: randomUUID(),
      userId: CARLA.id,
      certificateId,
    });
    expect(fromOtherOrg.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('records a failing result without a certificate', async () => {
    const event = envelope(Events.attemptSubmitted, submission(CHEN.id, 1));
    await publishEnvelope(nats, event);
    const result = await eventually(async () => (await myResult(CHEN.id)) ?? undefined, 10_000, "Chen's result");
    expect(result).toMatchObject({ score: 1, maxScore: 3, percent: 33.3, passed: false, certificate: null });
    expect(await em().count(Certificate, { userId: CHEN.id })).toBe(0);
    await eventually(
      () => stream.of(Events.resultRecorded).some((e) => e.data.userId === CHEN.id && !e.data.passed),
      10_000,
      'failing result.recorded',
    );
  });

  it("asks sessions for a version's scoring key once, however many submissions of it are scored", () => {
    // Carla's and Chen's submissions above share one assessment version: the second is scored from the cache.
    const asked = peers.scoringKey.received.filter(
      (request) => request.assessmentVersionId === KEY.assessmentVersionId,
    );
    expect(asked).toHaveLength(1);
  });

  it('scores a submission of every auto-scored type: multiple choice all or nothing, numeric within tolerance, text trimmed with its case rule', async () => {
    const sessionId = randomUUID();
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, mixedSubmission(CYRUS.id, sessionId, MIXED_KEY)));
    const mine = () =>
      nats.request<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId: CYRUS.id, sessionId });
    const result = await eventually(async () => (await mine()).response ?? undefined, 10_000, 'the mixed result');
    // 7 of 8: everything but the case-sensitive short text; 87.5% passes 75%.
    expect(result).toMatchObject({
      score: 7,
      maxScore: 8,
      percent: 87.5,
      pendingReview: 0,
      awaitingReview: false,
      passed: true,
    });
  });

  it('does not auto-score essays: their points await review and the result is not passed, so no certificate', async () => {
    const sessionId = randomUUID();
    const event = mixedSubmission(CHEN.id, sessionId, ESSAY_KEY);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, event));
    const mine = () =>
      nats.request<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId: CHEN.id, sessionId });
    const result = await eventually(async () => (await mine()).response ?? undefined, 10_000, 'the essay result');
    // Held from the candidate (the default release policy waits for every review); the score is kept.
    expect(result).toMatchObject({
      released: false,
      score: null,
      percent: null,
      pendingReview: 4,
      awaitingReview: true,
      passed: null,
      certificate: null,
    });
    expect(await em().findOneOrFail(Result, { id: result.id })).toMatchObject({
      score: 7,
      maxScore: 12,
      percent: 58.3,
      passed: false,
    });
    expect(await em().count(Certificate, { resultId: result.id })).toBe(0);
  });

  it('has no result for a candidate who has not submitted', async () => {
    const reply = await nats.request(Requests.getMyResult, {
      orgId: ORG_ID,
      userId: randomUUID(),
      sessionId: SESSION_ID,
    });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toBeNull();
  });

  it('answers garbage on every subject it listens on with a typed error, then keeps serving', async () => {
    const subjects = Object.values(Requests).filter((subject) => subject.startsWith('scoring.'));
    const outcomes = await sendGarbageToEverySubject(nats, subjects);
    for (const outcome of outcomes) expect(EXPECTED_GARBAGE_CODES).toContain(outcome.code);
    expect((await myResult(CARLA.id))?.passed).toBe(true);
  });
});
