import { freePort } from '@invigil/local-stack';
import { DEMO_USERS } from '@invigil/server-seed';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { verifyIndependently } from './support/open-badge-verifier';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

// pdf-parse's index runs a self-test when required directly; its library file does not (and has no types).
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as (
  data: Uint8Array,
) => Promise<{ text: string }>;

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];
const e = sel.exam;
const p = sel.proctor;
const v = sel.verify;

describe('certificates anyone can verify: code, QR link, Open Badges 3.0 (real Chromium)', () => {
  const suite = useE2eSuite({
    stack: async () => {
      // Fixed up front: the certificate's QR link and the credential's issuer ids carry this address.
      const gatewayPort = await freePort();
      return { gatewayPorts: [gatewayPort], extraEnv: { PUBLIC_URL: `http://127.0.0.1:${gatewayPort}` } };
    },
  });
  let page: Page;
  let proctorApi: ApiClient;
  let candidateApi: ApiClient;
  let sessionId: string;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    candidateApi = await suite.api(candidate);
    page = await suite.signedInPage(candidate, { acceptDownloads: true });
  });

  async function answerAndSubmit(options: number[]): Promise<void> {
    for (const [question, option] of options.entries()) {
      await page.getByTestId(e.palette(question)).click();
      await page.getByTestId(e.option(question, option)).check();
      await expectText(page.getByTestId(e.saveState), 'Saved');
    }
    await page.getByTestId(e.submit).click();
    await page.getByTestId(e.confirmSubmit).click();
  }

  async function download(testId: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return readFile(await file.path());
  }

  /** A browser that never signed in. */
  async function anonymousPage(path: string): Promise<Page> {
    const anonymous = await suite.newPage();
    await anonymous.goto(path.startsWith('http') ? path : suite.url(path));
    return anonymous;
  }

  it('prints a code and QR link on the PDF that open the public page, signed out, showing it valid', async () => {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Certificates: verify'),
    );
    sessionId = session.id;
    await candidateApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${sessionId}/start`);
    await page.goto(suite.url(`/exam/${sessionId}`));
    await answerAndSubmit([1, 1, 2]);
    await expectContains(page.getByTestId(e.resultScore), '100%', 20_000);
    await expectVisible(page.getByTestId(e.downloadCredential), 30_000);
    const code = (
      await expectText(page.getByTestId(e.certificateCode), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    ).replace(/-/g, '');

    const pdf = await pdfParse(new Uint8Array(await download(e.downloadCertificate)));
    expect(pdf.text).toContain(`Verification code ${code.match(/.{4}/g)?.join('-')}`);
    const link = /Verify at (\S+)/.exec(pdf.text)?.[1] ?? '';
    expect(link).toBe(suite.url(`/verify/${code}`));

    const anonymous = await anonymousPage(link);
    await expectText(anonymous.getByTestId(v.status), 'Valid');
    await expectText(anonymous.getByTestId(v.holder), candidate.displayName);
    await expectText(anonymous.getByTestId(v.assessment), 'Demo: Exam Basics');
    await expectText(anonymous.getByTestId(v.result), '100% · Passed');
    // Holder, assessment, date, result and status: nothing else about the candidate.
    expect(await anonymous.getByTestId(v.facts).textContent()).not.toContain(candidate.email);

    const unknown = await anonymousPage('/verify/0000-0000-0000');
    await expectContains(unknown.getByTestId(v.notFound), 'No certificate has this verification code');
  });

  it('hands the candidate an Open Badges 3.0 credential that verifies independently, then revoked after a re-score', async () => {
    const credential = JSON.parse((await download(e.downloadCredential)).toString('utf8')) as Record<string, unknown>;
    expect(credential['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(await verifyIndependently(credential)).toEqual({ verified: true, revoked: false });

    const tampered = structuredClone(credential);
    (tampered['credentialSubject'] as { name: string }).name = 'Someone Else';
    expect((await verifyIndependently(tampered)).verified).toBe(false);
    const checker = await anonymousPage('/verify');
    await checker.getByTestId(v.credentialInput).fill(JSON.stringify(tampered));
    await checker.getByTestId(v.credentialSubmit).click();
    await expectContains(checker.getByTestId(v.credentialVerdict), 'invalid');

    // The proctor reopens the attempt; the candidate resubmits wrong answers: the result no longer passes.
    const proctorPage = await suite.signedInPage(proctor);
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await row.getByTestId(p.participantReopen).click();
    await proctorPage.getByTestId(p.reopenReason).fill('Re-marked on appeal');
    await proctorPage.getByTestId(p.reopenMinutes).fill('10');
    await proctorPage.getByTestId(p.reopenConfirm).click();
    await expectVisible(page.getByTestId(e.remainingTime), 15_000);
    await answerAndSubmit([0, 0, 0]);
    await expectContains(page.getByTestId(e.resultScore), '0%', 20_000);

    expect(await verifyIndependently(credential)).toEqual({ verified: true, revoked: true });
    const code = (credential['evidence'] as { id: string }[])[0]?.id ?? '';
    const revokedPage = await anonymousPage(code);
    await expectText(revokedPage.getByTestId(v.status), 'Revoked');
    await expectContains(revokedPage.getByTestId(v.revokedReason), 'did not reach the pass mark');
    await checker.getByTestId(v.credentialInput).fill(JSON.stringify(credential));
    await checker.getByTestId(v.credentialSubmit).click();
    await expectContains(checker.getByTestId(v.credentialVerdict), 'revoked');
    await proctorPage.close();
  });
});
