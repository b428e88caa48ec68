import { DEMO_ASSESSMENT_ID, DEMO_USERS } from '@invigil/server-seed';
import { freePort } from '@invigil/local-stack';
import type { Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const invitee = DEMO_USERS[2];
const joiner = DEMO_USERS[3];
const other = DEMO_USERS[4];
const p = sel.proctor;
const r = sel.roster;
const e = sel.exam;

interface Received {
  to: string[];
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read the text part of a message (mailparser is not installed). */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Enrollment from the browser: manual add with an invitation mailed over a real (in-process) SMTP
 * server whose link signs the candidate in, the import wizard, and every join refusal.
 *
 * Sessions for the refusal tests are created through the HTTP API (POST /api/sessions with a proctor
 * token) because only their settings matter there and the New Session form is covered by
 * session-setup.e2e-spec.ts; the invitation test creates its session through the dashboard form.
 */
describe('roster and enrollment: invitations over SMTP, import, join refusals (two real browsers)', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer | undefined;
  let proctorPage: Page;
  let candidatePage: Page;
  let proctorApi: ApiClient;

  /** An in-process SMTP server that keeps every message in `inbox`; resolves to its port. */
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
            text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
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
      // The gateway's port is fixed up front so the enrollment service can put it in the links it mails.
      const gatewayPort = await freePort();
      return {
        gatewayPorts: [gatewayPort],
        extraEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: `http://127.0.0.1:${gatewayPort}` },
      };
    },
  });

  beforeAll(async () => {
    proctorPage = await suite.signedInPage(proctor);
    candidatePage = await suite.newPage();
    proctorApi = await suite.api(proctor);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  interface Created {
    id: string;
    enrollmentCode: string;
  }

  /** A flexible session of the demo assessment through the HTTP API, with the given settings on top. */
  function createSession(name: string, extra: Record<string, unknown> = {}): Promise<Created> {
    return proctorApi.call<Created>('POST', '/sessions', demoSessionBody(name, extra));
  }

  async function candidateJoins(code: string): Promise<void> {
    await candidatePage.goto(suite.url('/exam'));
    await candidatePage.getByTestId(e.codeInput).fill(code);
    await candidatePage.getByTestId(e.joinSubmit).click();
  }

  it('adds a candidate with an individual limit and an invitation that arrives over SMTP; its link signs them in', async () => {
    // The dashboard's New Session form, as the tracer uses it, with individual time limits.
    await proctorPage.goto(suite.url('/proctor'));
    await proctorPage.getByTestId(p.sessionName).fill('Invitation Session');
    await proctorPage.getByTestId(p.sessionAssessment).selectOption(DEMO_ASSESSMENT_ID);
    await proctorPage.getByTestId(p.sessionDuration).fill('30');
    await proctorPage.getByTestId(p.sessionTimeLimitMode).selectOption('individual');
    await proctorPage.getByTestId(p.createSession).click();
    const code = await expectText(proctorPage.getByTestId(p.enrollmentCode), /^[A-Z0-9]{4,}$/);

    await proctorPage.getByTestId(r.link).click();
    await proctorPage.getByTestId(r.addOpen).click();
    await expectVisible(proctorPage.getByTestId(r.addDialog));
    await proctorPage.getByTestId(r.addSearch).fill('Carla');
    await proctorPage.getByTestId(r.addPick(invitee.id)).check();
    await proctorPage.getByTestId(r.addLimitKind(invitee.id)).selectOption('multiplier');
    await proctorPage.getByTestId(r.addLimitValue(invitee.id)).fill('1.5');
    await proctorPage.getByTestId(r.addInvite).check();
    await proctorPage.getByTestId(r.addSubmit).click();

    const row = proctorPage.getByTestId(r.row(invitee.id));
    await expectText(row.getByTestId(r.status), 'Invited');
    await expectText(row.getByTestId(r.limit), '1.5× (45 min)');
    await expectContains(row.getByTestId(r.invitation), 'Emailed');

    // The message reached the in-process SMTP server: session name, code and a sign-in link.
    const deadline = Date.now() + 15_000;
    while (!inbox.some((mail) => mail.to.includes(invitee.email)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const mail = inbox.find((m) => m.to.includes(invitee.email));
    if (!mail) throw new Error(`No invitation to ${invitee.email} reached the SMTP server within 15 s`);
    expect(mail.text).toMatch(/^Subject: Invitation: Invitation Session$/m);
    expect(mail.text).toContain(`enrollment code: ${code}`);
    const link = new RegExp(`${suite.url().replace(/[.]/g, '\\.')}/invite/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
    if (!link) throw new Error(`The invitation has no ${suite.url()}/invite/… link:\n${mail.text}`);

    // A fresh browser context opens the link and is signed in as the candidate, on their exams.
    await candidatePage.goto(link);
    await expectContains(candidatePage.getByTestId(sel.nav.userName), invitee.displayName);
    await candidatePage.waitForURL(/\/exam$/);
    // On the roster, the code takes them to the session's waiting room.
    await candidatePage.getByTestId(e.codeInput).fill(code);
    await candidatePage.getByTestId(e.joinSubmit).click();
    await expectVisible(candidatePage.getByTestId(e.waitingRoom));
    await expectText(candidatePage.getByTestId(e.myStatus), 'Waiting');
    // The roster page loads once (the live view is the session page): reload to see the change.
    await proctorPage.reload();
    await expectText(row.getByTestId(r.status), 'Waiting');

    // The link is one-time: opened again (in another browser) it is refused with a message.
    const secondContext = await suite.browser.newContext();
    try {
      const secondPage = await secondContext.newPage();
      await secondPage.goto(link);
      await expectContains(secondPage.getByTestId(sel.invite.error), 'This invitation link has already been used.');
    } finally {
      await secondContext.close();
    }
  });

  it('imports a file: the preview lists each bad row with its number and reason; confirming adds only the good rows', async () => {
    const session = await createSession('Import Session', { timeLimitMode: 'individual' });
    const csv = [
      'email,displayName,timeLimitMinutes,timeLimitMultiplier',
      'ivy.import@demo.invigil.test,Ivy Import,,', // row 2: good
      'jon.import@demo.invigil.test,Jon Import,40,', // row 3: good
      'not-an-email,Bad Email,,', // row 4: bad email
      'ivy.import@demo.invigil.test,Ivy Again,,', // row 5: duplicate of row 2
      'kim.import@demo.invigil.test,Kim Import,abc,', // row 6: bad time limit
      'lee.import@demo.invigil.test,Lee Import,,1.25', // row 7: good
    ].join('\n');

    await proctorPage.goto(suite.url(`/proctor/sessions/${session.id}/roster`));
    await proctorPage.getByTestId(r.importOpen).click();
    await expectVisible(proctorPage.getByTestId(r.importWizard));
    await proctorPage
      .getByTestId(r.importFile)
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    await expectContains(proctorPage.getByTestId(r.importSummary), '6 rows: 3 will be added');
    const issues = proctorPage.getByTestId(r.importIssues).locator('tbody tr');
    await expectContains(issues.filter({ hasText: 'bad email' }), /^4/);
    await expectContains(issues.filter({ hasText: 'bad email' }), 'not-an-email');
    await expectContains(issues.filter({ hasText: 'duplicate in file' }), /^5.*already on row 2/);
    await expectContains(issues.filter({ hasText: 'bad time limit' }), /^6.*timeLimitMinutes/);
    expect(await issues.count()).toBe(3);

    await proctorPage.getByTestId(r.importConfirm).click();
    await expectContains(proctorPage.getByTestId(r.importResult), 'Added 3');
    await proctorPage.getByTestId(r.importClose).click();

    const rows = proctorPage.getByTestId(r.table).locator('tbody tr');
    await expectContains(rows.filter({ hasText: 'jon.import@demo.invigil.test' }), '40 min');
    await expectContains(rows.filter({ hasText: 'ivy.import@demo.invigil.test' }), 'Invited');
    await expectContains(rows.filter({ hasText: 'lee.import@demo.invigil.test' }), '1.25×');
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'kim.import' }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'not-an-email' }).count()).toBe(0);
  });

  describe('join refusals, as the candidate sees them on the join form', () => {
    let otherApi: ApiClient;

    beforeAll(async () => {
      await candidatePage.context().clearCookies();
      await candidatePage.goto(suite.url('/login'));
      await candidatePage.evaluate(() => localStorage.clear());
      await suite.signInAs(candidatePage, joiner);
      otherApi = await suite.api(other);
    });

    it('refuses an unknown code', async () => {
      await candidateJoins('ZZZZZZ');
      await expectContains(candidatePage.getByTestId(e.joinError), 'No session has the enrollment code "ZZZZZZ"');
    });

    it('refuses a cancelled session', async () => {
      const session = await createSession('Cancelled Session');
      await proctorApi.call('POST', `/sessions/${session.id}/cancel`);
      await candidateJoins(session.enrollmentCode);
      await expectContains(
        candidatePage.getByTestId(e.joinError),
        'The session "Cancelled Session" has been cancelled; it takes no more participants.',
      );
    });

    it('refuses a full session', async () => {
      const session = await createSession('Full Session', { maxUsers: 1 });
      await otherApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
      await candidateJoins(session.enrollmentCode);
      await expectContains(
        candidatePage.getByTestId(e.joinError),
        'The session "Full Session" is full (1 participants)',
      );
    });

    it('refuses a manual-only session the candidate is not on', async () => {
      const session = await createSession('Manual Session', { enrollmentMode: 'manual' });
      await candidateJoins(session.enrollmentCode);
      await expectContains(
        candidatePage.getByTestId(e.joinError),
        'This session is manual enrollment only and you are not on its roster',
      );
    });

    it('refuses late entry to a started session without late entry', async () => {
      const session = await createSession('No Late Entry', { lateEntry: false });
      await otherApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
      await proctorApi.call('POST', `/sessions/${session.id}/start`);
      await candidateJoins(session.enrollmentCode);
      await expectContains(
        candidatePage.getByTestId(e.joinError),
        'The session "No Late Entry" has already started and does not allow late entry',
      );
    });

    it('lets a candidate in late inside the late-entry window, straight into the running session', async () => {
      const session = await createSession('Late Entry Open', { lateEntry: true, lateEntryMinutes: 10 });
      await otherApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
      await proctorApi.call('POST', `/sessions/${session.id}/start`);
      await candidateJoins(session.enrollmentCode);
      await expectText(candidatePage.getByTestId(e.myStatus), 'In Session');
      await expectVisible(candidatePage.getByTestId(e.question(0)));
    });
  });
});
