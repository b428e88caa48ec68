import { createRequire } from 'node:module';
import { DEMO_USERS } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import { useE2eSuite } from './support/e2e-suite';
import { signIn } from './support/sign-in';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

// pdf-parse's index runs a self-test when required directly; its library file does not (and has no types).
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as (
  data: Uint8Array,
) => Promise<{ text: string }>;

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];

describe('tracer: one proctored session end to end, two real browsers', () => {
  const suite = useE2eSuite();
  let proctorPage: Page;
  let candidatePage: Page;

  beforeAll(async () => {
    proctorPage = await suite.newPage({ acceptDownloads: true });
    candidatePage = await suite.newPage({ acceptDownloads: true });
  });

  it('shows a clear error for a wrong password', async () => {
    await signIn(proctorPage, suite.url(), proctor.email, 'wrong-password');
    await expectContains(proctorPage.getByTestId(sel.login.error), 'Email or password is wrong');
  });

  it('runs the whole flow: create, join, start, answer, submit, score, certificate', async () => {
    // The proctor signs in and builds a two-question assessment.
    await suite.signInAs(proctorPage, proctor);
    const p = sel.proctor;
    await proctorPage.getByTestId(p.assessmentTitle).fill('Tracer Assessment');
    await proctorPage.getByTestId(p.assessmentPassing).fill('50');
    await proctorPage.getByTestId(p.questionPrompt(0)).fill('What is 2 + 2?');
    await proctorPage.getByTestId(p.questionOption(0, 0)).fill('3');
    await proctorPage.getByTestId(p.questionOption(0, 1)).fill('4');
    await proctorPage.getByTestId(p.questionCorrect(0)).selectOption('1');
    await proctorPage.getByTestId(p.addQuestion).click();
    await proctorPage.getByTestId(p.questionPrompt(1)).fill('Which colour is the sky on a clear day?');
    await proctorPage.getByTestId(p.questionOption(1, 0)).fill('Blue');
    await proctorPage.getByTestId(p.questionOption(1, 1)).fill('Green');
    await proctorPage.getByTestId(p.questionCorrect(1)).selectOption('0');
    await proctorPage.getByTestId(p.createAssessment).click();
    await expectContains(proctorPage.getByTestId(p.assessmentCreated), 'Tracer Assessment');

    // A session with a generated enrollment code.
    await proctorPage.getByTestId(p.sessionName).fill('Tracer Session');
    await proctorPage.getByTestId(p.sessionAssessment).selectOption({ label: 'Tracer Assessment' });
    await proctorPage.getByTestId(p.sessionDuration).fill('30');
    await proctorPage.getByTestId(p.createSession).click();
    const code = await expectText(proctorPage.getByTestId(p.enrollmentCode), /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    await expectContains(proctorPage.getByTestId(p.sessionStatus), /open/i);

    // The candidate signs in and joins with the code: Waiting, on both pages.
    await suite.signInAs(candidatePage, candidate);
    const e = sel.exam;
    await candidatePage.getByTestId(e.codeInput).fill(code.toLowerCase());
    await candidatePage.getByTestId(e.joinSubmit).click();
    await expectVisible(candidatePage.getByTestId(e.waitingRoom));
    await expectText(candidatePage.getByTestId(e.myStatus), 'Waiting');
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await expectText(row.getByTestId(p.participantStatus), 'Waiting');
    await expectContains(proctorPage.getByTestId(p.participantCount), '1');

    // The proctor starts the session: In Session everywhere, without a reload.
    await proctorPage.getByTestId(p.startSession).click();
    await expectContains(proctorPage.getByTestId(p.sessionStatus), /in progress|in_progress/i);
    await expectText(row.getByTestId(p.participantStatus), 'In Session');
    await expectText(candidatePage.getByTestId(e.myStatus), 'In Session');
    await expectVisible(candidatePage.getByTestId(e.question(0)));
    await expectContains(candidatePage.getByTestId(e.messages), 'has started');

    // Each answer is acknowledged after it is committed; the proctor sees the count live.
    await candidatePage.getByTestId(e.option(0, 1)).check();
    await expectText(candidatePage.getByTestId(e.saveState), 'Saved');
    await expectContains(candidatePage.getByTestId(e.answeredCount), '1/2');
    await expectText(row.getByTestId(p.participantAnswered), '1/2');
    await candidatePage.getByTestId(e.next).click();
    await candidatePage.getByTestId(e.option(1, 0)).check();
    await expectText(candidatePage.getByTestId(e.saveState), 'Saved');
    await expectText(row.getByTestId(p.participantAnswered), '2/2');

    // Submit: Complete on both pages, then scored.
    await candidatePage.getByTestId(e.submit).click();
    await candidatePage.getByTestId(e.confirmSubmit).click();
    await expectText(candidatePage.getByTestId(e.myStatus), 'Complete');
    await expectText(row.getByTestId(p.participantStatus), 'Complete');
    await expectContains(candidatePage.getByTestId(e.resultScore), '100%', 20_000);
    await expectContains(row.getByTestId(p.participantScore), '100');

    // The certificate, rendered by a BullMQ job, downloads and names the candidate and the score.
    const downloadButton = candidatePage.getByTestId(e.downloadCertificate);
    await expectVisible(downloadButton, 30_000);
    const [download] = await Promise.all([candidatePage.waitForEvent('download'), downloadButton.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    // A copy with its own ArrayBuffer: pdf.js misreads Node's pooled buffers (non-zero byteOffset).
    const pdf = await pdfParse(new Uint8Array(await readFile(path)));
    expect(pdf.text).toContain(candidate.displayName);
    expect(pdf.text).toContain('100%');
  });
});
