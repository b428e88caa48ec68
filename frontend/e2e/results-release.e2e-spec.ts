import type { AssessmentView, AttemptView } from '@invigil/contracts';
import { freePort } from '@invigil/local-stack';
import { DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-seed';
import { at } from '@invigil/server-testing';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { sel } from './selectors';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[3];
const classmate = DEMO_USERS[4];
const FORMULA_NAME = '=HYPERLINK("x")';
const e = sel.exam;
const s = sel.results;

interface Received {
  to: string[];
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read the text part of a message. */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Two 1-point choices, 50% to pass. */
const assessment = {
  format: 'invigil.assessment',
  formatVersion: 1,
  title: `Release E2E ${Date.now()}`,
  passingPercent: 50,
  sections: [
    {
      title: 'Basics',
      questions: [
        { type: 'single_choice', prompt: 'Water is made of?', options: ['H2O', 'CO2'], correctOption: 0, points: 1 },
        { type: 'single_choice', prompt: 'The sky is?', options: ['Green', 'Blue'], correctOption: 1, points: 1 },
      ],
    },
  ],
};

/**
 * Release from the browser: results held under the manual policy the proctor sets on the Results page,
 * released with the button, the candidate's email (over a real SMTP server) leading to a result that
 * shows what the policy allows, and the CSV export neutralising a candidate named like a formula.
 */
describe('release of results: held, released, mailed, shown as allowed, exported safely (real Chromium, SMTP)', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer | undefined;

  async function startSmtp(): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const text = decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')).replace(/\r?\n[ \t]+/g, ' ');
          inbox.push({ to: session.envelope.rcptTo.map((to) => to.address), text });
          callback();
        });
      },
    });
    smtp = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.server.address() as AddressInfo).port;
  }

  const suite = useE2eSuite({
    stack: async () => {
      const smtpPort = await startSmtp();
      // Fixed up front so scoring and enrollment put the gateway's address in the links they mail.
      const gatewayPort = await freePort();
      return {
        gatewayPorts: [gatewayPort],
        extraEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: `http://127.0.0.1:${gatewayPort}` },
      };
    },
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(suite.url(`/api${path}`), {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function tokenOf(path: string, body: object): Promise<string> {
    const response = await fetch(suite.url(`/api/auth/${path}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function mailTo(address: string, subject: RegExp): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const mail = inbox.find((m) => m.to.includes(address) && subject.test(m.text));
      if (mail) return mail.text;
      if (Date.now() > deadline) throw new Error(`No mail to ${address} matching ${subject} within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Set-up: the demo candidate `classmate` gets a name a spreadsheet would run. No screen lets anyone pick
   * such a name (the roster import refuses formula-like cells), so it is written into enrollment's schema.
   */
  async function renameClassmate(): Promise<void> {
    const client = new Client({ connectionString: suite.stack.settings.databaseUrl });
    await client.connect();
    try {
      const schema = suite.stack.schemaOf('enrollment');
      await client.query(`update "${schema}"."user_account" set "display_name" = $1 where "email" = $2`, [
        FORMULA_NAME,
        classmate.email,
      ]);
    } finally {
      await client.end();
    }
  }

  /** Answers `right` of the two questions correctly, and submits. */
  async function takesExam(token: string, sessionId: string, right: number): Promise<void> {
    const attempt = await call<AttemptView>(token, 'GET', `/sessions/${sessionId}/attempt`);
    const answers = [{ selectedOption: 0 }, { selectedOption: right > 1 ? 1 : 0 }];
    for (const [index, answer] of answers.entries()) {
      const question = at(attempt.questions, index);
      await call(token, 'PUT', `/sessions/${sessionId}/attempt/answers/${question.id}`, { clientSeq: 1, answer });
    }
    await call(token, 'POST', `/sessions/${sessionId}/attempt/submit`);
  }

  it('holds results until the proctor releases them; the email leads to a result showing what the policy allows; the CSV escapes a formula name', async () => {
    const proctorToken = await tokenOf('login', { email: proctor.email, password: DEMO_PASSWORD });
    const imported = await call<AssessmentView>(proctorToken, 'POST', '/assessments/import', assessment);
    const session = await call<{ id: string; enrollmentCode: string }>(
      proctorToken,
      'POST',
      '/sessions',
      demoSessionBody('Release E2E', { assessmentId: imported.id }),
    );

    // The proctor chooses, from the session page's Results: release by hand, showing right and wrong with the key.
    const page = await suite.signedInPage(proctor);
    await page.goto(suite.url(`/proctor/sessions/${session.id}`));
    await page.getByTestId(s.link).click();
    await expectContains(page.getByTestId(s.releaseState), 'No result has been scored yet');
    await page.getByTestId(s.policy).selectOption('manual');
    await page.getByTestId(s.show('questionCorrectness')).check();
    await page.getByTestId(s.show('correctAnswers')).check();
    await page.getByTestId(s.settingsSave).click();
    await expectText(page.getByTestId(s.settingsSaved), 'Release settings saved.');

    await renameClassmate();
    const formulaToken = await tokenOf('login', { email: classmate.email, password: DEMO_PASSWORD });
    const candidateToken = await tokenOf('login', { email: candidate.email, password: DEMO_PASSWORD });
    for (const token of [candidateToken, formulaToken]) {
      await call(token, 'POST', '/enrollment/join', { code: session.enrollmentCode });
    }
    await call(proctorToken, 'POST', `/sessions/${session.id}/start`);
    await takesExam(candidateToken, session.id, 2);
    await takesExam(formulaToken, session.id, 1);

    // Scored, but held: the candidate sees the notice, not the score.
    const candidatePage = await suite.signedInPage(candidate);
    await candidatePage.goto(suite.url(`/exam/${session.id}`));
    await expectText(candidatePage.getByTestId(e.resultHeld), 'Your result will be published by your proctor.', 20_000);
    expect(await candidatePage.getByTestId(e.resultScore).count()).toBe(0);

    // The table lists both; the proctor releases.
    await page.reload();
    await expectContains(page.getByTestId(s.releaseState), 'Held: candidates see', 20_000);
    const rows = page.getByTestId(s.row);
    await expectContains(rows.filter({ hasText: candidate.displayName }).getByTestId(s.rowPercent), '100%', 20_000);
    await expectText(rows.filter({ hasText: FORMULA_NAME }).getByTestId(s.rowOutcome), 'Passed');
    await page.getByTestId(s.release).click();
    await expectText(page.getByTestId(s.releaseMessage), 'Released to 2 candidates; they are being emailed.');

    // The candidate's email links to their exam page, which now shows the score and each question with its key.
    const mail = await mailTo(candidate.email, /^Subject: Your result is available: Release E2E$/m);
    const link = new RegExp(`${suite.url().replace(/[.]/g, '\\.')}/exam/${session.id}`).exec(mail)?.[0];
    if (!link) throw new Error(`The release mail has no link to the exam page:\n${mail}`);
    await candidatePage.goto(link);
    await expectContains(candidatePage.getByTestId(e.resultScore), '100%', 20_000);
    await expectText(candidatePage.getByTestId(e.resultOutcome), 'Passed');
    const second = candidatePage.getByTestId(e.resultQuestion(2));
    await expectText(second.getByTestId(e.resultQuestionCorrect), 'Correct');
    await expectText(second.getByTestId(e.resultQuestionAnswer), 'Correct answer: B');
    await mailTo(proctor.email, /^Subject: Results released: Release E2E$/m);

    // Releasing again sends nothing and says so.
    await page.getByTestId(s.release).click();
    await expectContains(page.getByTestId(s.releaseMessage), 'nothing was sent again');

    // The CSV keeps the formula-like name as text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(s.exportCsv).click()]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)"=HYPERLINK/m);
    await expectVisible(page.getByTestId(s.exportXlsx));
  });
});
