import type { AttemptView, SessionView } from '@invigil/contracts';
import { freePort } from '@invigil/local-stack';
import { DEMO_USERS } from '@invigil/server-seed';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];
const e = sel.exam;
const p = sel.proctor;

interface Received {
  to: string[];
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes and unfolds long header lines, enough to read a message. */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r?\n[ \t]+/g, ' ');

/** A datetime-local value (YYYY-MM-DDTHH:MM:SS) in UTC, the proctor browser's time zone in this suite. */
const utcLocalInput = (at: Date) => at.toISOString().slice(0, 19);

/**
 * The guide's emergency procedures in real Chromium against the real stack: a started session
 * rescheduled (the candidate told in the session and by email through a real SMTP server, then
 * resuming at the new time with the answers intact), and End Session with its confirmation and the
 * candidate's grace countdown, ending with the attempt submitted.
 */
describe('emergency procedures: reschedule a running session, End Session with grace (real Chromium)', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer | undefined;
  let page: Page;
  let proctorPage: Page;
  let proctorApi: ApiClient;
  let candidateApi: ApiClient;

  async function startSmtp(): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push({
            to: session.envelope.rcptTo.map((to) => to.address),
            text: readable(Buffer.concat(chunks).toString('utf8')),
          });
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
      const gatewayPort = await freePort();
      return {
        gatewayPorts: [gatewayPort],
        extraEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: `http://127.0.0.1:${gatewayPort}` },
      };
    },
  });

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    candidateApi = await suite.api(candidate);
    page = await suite.signedInPage(candidate);
    proctorPage = await suite.signedInPage(proctor, { timezoneId: 'UTC' });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  async function startedSession(name: string, gracePeriodSeconds: number): Promise<string> {
    const session = await proctorApi.call<SessionView>(
      'POST',
      '/sessions',
      demoSessionBody(name, { durationMinutes: 30, gracePeriodSeconds }),
    );
    await candidateApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${session.id}/start`);
    return session.id;
  }

  async function answer(question: number, option: number): Promise<void> {
    await page.getByTestId(e.palette(question)).click();
    await page.getByTestId(e.option(question, option)).check();
    await expectText(page.getByTestId(e.saveState), 'Saved');
  }

  async function mailTo(address: string, timeoutMs = 20_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = inbox.find((m) => m.to.includes(address));
      if (mail) return mail;
      if (Date.now() > deadline)
        throw new Error(`No mail to ${address} reached the SMTP server within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('reschedules a started session: the candidate is told by message and email, then resumes at the new time with answers intact', async () => {
    const sessionId = await startedSession('Emergency: outage', 0);
    await page.goto(suite.url(`/exam/${sessionId}`));
    await answer(0, 1);

    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await expectText(proctorPage.getByTestId(p.sessionStatus), 'In Progress');
    await proctorPage.getByTestId(p.rescheduleLive).click();
    const startsAt = new Date(Date.now() + 25_000);
    await proctorPage.getByTestId(p.rescheduleStartsAt).fill(utcLocalInput(startsAt));
    await proctorPage.getByTestId(p.rescheduleReason).fill('Network outage in hall B');
    await proctorPage.getByTestId(p.rescheduleMessage).fill('The network is down; we continue shortly.');
    await proctorPage.getByTestId(p.rescheduleConfirm).click();
    await expectText(proctorPage.getByTestId(p.sessionStatus), 'Paused');
    await expectContains(proctorPage.getByTestId(p.sessionResumesAt), 'Rescheduled: the session resumes');

    // The candidate's exam waits with the new time and the proctor's message; the system message arrives too.
    await expectVisible(page.getByTestId(e.rescheduledOverlay), 15_000);
    await expectContains(page.getByTestId(e.rescheduledTo), /^Session rescheduled to .+2026/);
    await expectContains(page.getByTestId(e.proctorPauseMessage), 'The network is down; we continue shortly.');
    await expectContains(page.getByTestId(e.messages), 'The session has been rescheduled to');
    const remainingWhileWaiting = await page.getByTestId(e.remainingTime).innerText();

    const mail = await mailTo(candidate.email);
    expect(mail.text).toMatch(/Subject: Rescheduled: Emergency: outage now starts /);
    expect(mail.text).toContain('has been rescheduled to');
    expect(mail.text).toContain('The network is down; we continue shortly.');
    expect(mail.text).toContain(`/exam/${sessionId}`);

    // At the new start the scheduled-start job resumes the session and the attempt.
    await page.getByTestId(e.rescheduledOverlay).waitFor({ state: 'detached', timeout: 60_000 });
    await expectText(proctorPage.getByTestId(p.sessionStatus), 'In Progress', 15_000);
    expect(await page.getByTestId(e.option(0, 1)).isChecked()).toBe(true);
    await expectContains(page.getByTestId(e.answeredCount), '1/3');
    // The clock stopped while it waited: the same time is left (give or take the seconds since the resume).
    expect(remainingWhileWaiting).toMatch(/^29:\d{2}/);
    await expectText(page.getByTestId(e.remainingTime), /^29:\d{2}/);
    await answer(1, 0);
    const attempt = await candidateApi.call<AttemptView>('GET', `/sessions/${sessionId}/attempt`);
    expect(attempt).toMatchObject({ status: 'in_progress', paused: false });
    expect(attempt.answers).toHaveLength(2);
  });

  it("ends the session after a confirmation naming who is still writing, with the candidate's grace countdown", async () => {
    const sessionId = await startedSession('Emergency: end with grace', 20);
    await page.goto(suite.url(`/exam/${sessionId}`));
    await answer(0, 0);

    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await expectText(proctorPage.getByTestId(p.sessionStatus), 'In Progress');
    await expectVisible(proctorPage.getByTestId(p.participantRow(candidate.id)));
    await proctorPage.getByTestId(p.endSession).click();
    await expectContains(
      proctorPage.getByTestId(p.endDialogBody),
      '1 candidate is still writing. They get 20 seconds to finish',
    );
    await proctorPage.getByTestId(p.endConfirm).click();
    await expectContains(proctorPage.getByTestId(p.sessionEnding), 'Ending: every answer still open is submitted');

    await expectContains(
      page.getByTestId(e.endingCountdown),
      /The proctor is ending the session: your answers are submitted in 0:[01]\d/,
      15_000,
    );
    // Still writing during the grace: the answer is saved.
    await answer(1, 1);

    await expectContains(page.getByTestId(e.autoSubmitted), 'The proctor ended the session', 60_000);
    await expectText(proctorPage.getByTestId(p.sessionStatus), 'Ended', 15_000);
    const attempt = await candidateApi.call<AttemptView>('GET', `/sessions/${sessionId}/attempt`);
    expect(attempt).toMatchObject({ status: 'submitted', autoSubmitted: true });
    expect(attempt.answers).toHaveLength(2);
  });
});
