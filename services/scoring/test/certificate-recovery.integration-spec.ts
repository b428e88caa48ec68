import type { CertificateFile } from '@invigil/contracts';
import { CertificateStatus, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { eventually } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { Certificate } from '../src/certificates/certificate.entity';
import { Result } from '../src/results/result.entity';
import { CYRUS, KEY, ORG_ID, SESSION_ID } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';

type PdfParse = (data: Uint8Array) => Promise<{ text: string }>;
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;

describe('scoring: a certificate committed but never enqueued (a crash in between)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;

  beforeAll(async () => {
    ({ nats } = await suite.start());
  });

  afterAll(() => suite.stop());

  it('asks the holder to wait while it is pending, and the start-up sweep issues it after a restart', async () => {
    const resultId = randomUUID();
    const certificateId = randomUUID();
    // Exactly what the submission handler commits; the enqueue that follows the commit never happened.
    const em = suite.db();
    em.create(Result, {
      id: resultId,
      orgId: ORG_ID,
      sessionId: SESSION_ID,
      attemptId: randomUUID(),
      userId: CYRUS.id,
      assessmentVersionId: KEY.assessmentVersionId,
      assessmentTitle: KEY.title,
      score: 3,
      autoScore: 3,
      maxScore: 3,
      percent: 100,
      passingPercent: 60,
      passed: true,
      scoredAt: new Date(),
      submittedAt: new Date(),
    });
    em.create(Certificate, {
      id: certificateId,
      orgId: ORG_ID,
      resultId,
      userId: CYRUS.id,
      sessionId: SESSION_ID,
      status: CertificateStatus.Pending,
      fileName: 'certificate.pdf',
      issuedAt: new Date(),
    });
    await em.flush();

    const request = { orgId: ORG_ID, userId: CYRUS.id, certificateId };
    const early = await nats.request(Requests.getCertificate, request);
    expect(early.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'The certificate is still being prepared; try again in a few seconds.',
    });

    await suite.restart();
    const file = await eventually(
      async () => (await nats.request<CertificateFile>(Requests.getCertificate, request)).response,
      20_000,
      'the swept certificate',
    );
    const { text } = await pdfParse(new Uint8Array(Buffer.from(file.base64, 'base64')));
    expect(text).toContain('Cyrus Candidate');
    expect(text).toContain('with a score of 100%');
  });
});
