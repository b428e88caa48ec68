import { DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-platform';
import { LocalStack } from '@invigil/local-stack';
import { Browser, BrowserContext, expect as pwExpect, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { destroyE2eStack, startE2eStack } from './support/stack';
import { sel } from './selectors';

// pdf-parse's index runs a self-test when required directly; its library file does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];

describe('tracer: one proctored session end to end, two real browsers', () => {
  let stack: LocalStack;
  let browser: Browser;
  let proctorContext: BrowserContext;
  let candidateContext: BrowserContext;
  let proctorPage: Page;
  let candidatePage: Page;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    proctorContext = await browser.newContext({ acceptDownloads: true });
    candidateContext = await browser.newContext({ acceptDownloads: true });
    proctorPage = await proctorContext.newPage();
    candidatePage = await candidateContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await destroyE2eStack(stack);
  });

  async function login(page: Page, email: string): Promise<void> {
    await page.goto(`${stack.gatewayUrl()}/login`);
    await page.getByTestId(sel.login.email).fill(email);
    await page.getByTestId(sel.login.password).fill(DEMO_PASSWORD);
    await page.getByTestId(sel.login.submit).click();
  }

  it('shows a clear error for a wrong password', async () => {
    await proctorPage.goto(`${stack.gatewayUrl()}/login`);
    await proctorPage.getByTestId(sel.login.email).fill(proctor.email);
    await proctorPage.getByTestId(sel.login.password).fill('wrong-password');
    await proctorPage.getByTestId(sel.login.submit).click();
    await pwExpect(proctorPage.getByTestId(sel.login.error)).toContainText('Email or password is wrong');
  });

  it('runs the whole flow: create, join, start, answer, submit, score, certificate', async () => {
    // The proctor signs in and builds a two-question assessment.
    await login(proctorPage, proctor.email);
    await pwExpect(proctorPage.getByTestId(sel.nav.userName)).toContainText(proctor.displayName);
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
    await pwExpect(proctorPage.getByTestId(p.assessmentCreated)).toContainText('Tracer Assessment');

    // A session with a generated enrollment code.
    await proctorPage.getByTestId(p.sessionName).fill('Tracer Session');
    await proctorPage.getByTestId(p.sessionAssessment).selectOption({ label: 'Tracer Assessment' });
    await proctorPage.getByTestId(p.sessionDuration).fill('30');
    await proctorPage.getByTestId(p.createSession).click();
    const codeCell = proctorPage.getByTestId(p.enrollmentCode);
    await pwExpect(codeCell).toHaveText(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    const code = (await codeCell.textContent())?.trim() ?? '';
    await pwExpect(proctorPage.getByTestId(p.sessionStatus)).toContainText(/open/i);

    // The candidate signs in and joins with the code: Waiting, on both pages.
    await login(candidatePage, candidate.email);
    const e = sel.exam;
    await candidatePage.getByTestId(e.codeInput).fill(code.toLowerCase());
    await candidatePage.getByTestId(e.joinSubmit).click();
    await pwExpect(candidatePage.getByTestId(e.waitingRoom)).toBeVisible();
    await pwExpect(candidatePage.getByTestId(e.myStatus)).toHaveText('Waiting');
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await pwExpect(row.getByTestId(p.participantStatus)).toHaveText('Waiting');
    await pwExpect(proctorPage.getByTestId(p.participantCount)).toContainText('1');

    // The proctor starts the session: In Session everywhere, without a reload.
    await proctorPage.getByTestId(p.startSession).click();
    await pwExpect(proctorPage.getByTestId(p.sessionStatus)).toContainText(/in progress|in_progress/i);
    await pwExpect(row.getByTestId(p.participantStatus)).toHaveText('In Session');
    await pwExpect(candidatePage.getByTestId(e.myStatus)).toHaveText('In Session');
    await pwExpect(candidatePage.getByTestId(e.question(0))).toBeVisible();
    await pwExpect(candidatePage.getByTestId(e.messages)).toContainText('has started');

    // Each answer is acknowledged after it is committed; the proctor sees the count live.
    await candidatePage.getByTestId(e.option(0, 1)).check();
    await pwExpect(candidatePage.getByTestId(e.saveState)).toHaveText('Saved');
    await pwExpect(candidatePage.getByTestId(e.answeredCount)).toContainText('1/2');
    await pwExpect(row.getByTestId(p.participantAnswered)).toHaveText('1/2');
    await candidatePage.getByTestId(e.option(1, 0)).check();
    await pwExpect(candidatePage.getByTestId(e.saveState)).toHaveText('Saved');
    await pwExpect(row.getByTestId(p.participantAnswered)).toHaveText('2/2');

    // Submit: Complete on both pages, then scored.
    await candidatePage.getByTestId(e.submit).click();
    await candidatePage.getByTestId(e.confirmSubmit).click();
    await pwExpect(candidatePage.getByTestId(e.myStatus)).toHaveText('Complete');
    await pwExpect(row.getByTestId(p.participantStatus)).toHaveText('Complete');
    await pwExpect(candidatePage.getByTestId(e.resultScore)).toContainText('100%', { timeout: 20_000 });
    await pwExpect(row.getByTestId(p.participantScore)).toContainText('100');

    // The certificate, rendered by a BullMQ job, downloads and names the candidate and the score.
    const downloadButton = candidatePage.getByTestId(e.downloadCertificate);
    await pwExpect(downloadButton).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([candidatePage.waitForEvent('download'), downloadButton.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const pdf = await pdfParse(await readFile(path));
    expect(pdf.text).toContain(candidate.displayName);
    expect(pdf.text).toContain('100%');
  });
});
