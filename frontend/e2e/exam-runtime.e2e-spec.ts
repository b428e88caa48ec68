import type { AnswerValue, AttemptView } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';
import { at } from '@invigil/server-testing';

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];
const e = sel.exam;
const p = sel.proctor;

/** The demo assessment has three single-choice questions; these are the answers the candidate gives. */
const finalAnswers: [number, number][] = [
  [0, 1],
  [1, 1],
  [2, 2],
];

describe('exam runtime: nothing lost, the server clock, restarts and pauses (real Chromium)', () => {
  const suite = useE2eSuite();
  let page: Page;
  let proctorApi: ApiClient;
  let candidateApi: ApiClient;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    candidateApi = await suite.api(candidate);
    page = await suite.signedInPage(candidate);
  });

  /** A flexible session of the demo assessment the candidate has joined and the proctor has started. */
  async function startedSession(name: string, durationMinutes = 30): Promise<string> {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody(name, { durationMinutes, gracePeriodSeconds: 0 }),
    );
    await candidateApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${session.id}/start`);
    return session.id;
  }

  async function openExam(target: Page, sessionId: string): Promise<void> {
    await target.goto(suite.url(`/exam/${sessionId}`));
    await expectVisible(target.getByTestId(e.answeredCount));
  }

  async function choose(target: Page, question: number, option: number): Promise<void> {
    await target.getByTestId(e.palette(question)).click();
    await target.getByTestId(e.option(question, option)).check();
  }

  /** What the server stored, question by question (in assessment order). */
  async function storedAnswers(sessionId: string): Promise<(AnswerValue | undefined)[]> {
    const attempt = await candidateApi.call<AttemptView>('GET', `/sessions/${sessionId}/attempt`);
    return attempt.questions.map((question) => attempt.answers.find((a) => a.questionId === question.id)?.answer);
  }

  const expectedStored = () => finalAnswers.map(([, option]) => ({ selectedOption: option }));

  /** A fresh page load shows every answer checked. */
  async function expectAnswersOnScreen(target: Page, sessionId: string): Promise<void> {
    await openExam(target, sessionId);
    await expectText(target.getByTestId(e.answeredCount), `${finalAnswers.length}/${finalAnswers.length}`);
    for (const [question, option] of finalAnswers) {
      await target.getByTestId(e.palette(question)).click();
      expect(await target.getByTestId(e.option(question, option)).isChecked()).toBe(true);
    }
  }

  it('keeps every answer through a reload and an offline spell', async () => {
    const sessionId = await startedSession('Runtime: offline');
    await openExam(page, sessionId);
    await choose(page, 0, 0);
    await expectText(page.getByTestId(e.saveState), 'Saved');

    // A reload shows the acknowledged answer.
    await page.reload();
    await expectVisible(page.getByTestId(e.question(0)));
    expect(await page.getByTestId(e.option(0, 0)).isChecked()).toBe(true);

    // Offline: the answers stay on this device, the last change to a question wins.
    await page.context().setOffline(true);
    await expectText(page.getByTestId(e.saveState), 'Offline', 90_000);
    for (const [question, option] of finalAnswers) await choose(page, question, option);
    await expectContains(page.getByTestId(e.answeredCount), '3/3');
    await expectText(page.getByTestId(e.saveState), 'Offline');

    // The tab leaves the exam while offline (nothing could be sent) and comes back once the connection
    // returns: the new page sends what was kept in IndexedDB. Same tab, so the same exam view: no takeover prompt.
    await page.goto('about:blank');
    await page.context().setOffline(false);
    await openExam(page, sessionId);
    await expectText(page.getByTestId(e.saveState), 'Saved');
    expect(
      await eventually(
        () => storedAnswers(sessionId),
        (stored) => same(stored, expectedStored()),
      ),
    ).toEqual(expectedStored());

    await expectAnswersOnScreen(page, sessionId);
  });

  it('loses no acknowledged answer when the sessions service and the gateway restart mid-exam', async () => {
    const sessionId = await startedSession('Runtime: restarts');
    await openExam(page, sessionId);
    await choose(page, 0, 0);
    await expectText(page.getByTestId(e.saveState), 'Saved');

    // The sessions service restarts: saves made meanwhile wait and go through afterwards.
    const sessionsRestart = suite.stack.restartService('sessions');
    await choose(page, 0, at(finalAnswers, 0)[1]);
    await sessionsRestart;
    await expectText(page.getByTestId(e.saveState), 'Saved', 60_000);

    // The gateway restarts: the socket drops, the page reattaches after it reconnects.
    const gatewayRestart = suite.stack.restartGateway(0);
    await expectText(page.getByTestId(e.saveState), 'Offline', 30_000);
    await choose(page, 1, at(finalAnswers, 1)[1]);
    await gatewayRestart;
    await choose(page, 2, at(finalAnswers, 2)[1]);
    await expectText(page.getByTestId(e.saveState), 'Saved', 60_000);

    expect(await storedAnswers(sessionId)).toEqual(expectedStored());
    await expectAnswersOnScreen(page, sessionId);
  });

  it('submits automatically at the deadline, even with a sessions restart before it', async () => {
    const sessionId = await startedSession('Runtime: deadline', 1);
    await openExam(page, sessionId);
    await choose(page, 0, 1);
    await expectText(page.getByTestId(e.saveState), 'Saved');

    await suite.stack.restartService('sessions');

    await expectVisible(page.getByTestId(e.autoSubmitted), 120_000);
    const attempt = await candidateApi.call<AttemptView>('GET', `/sessions/${sessionId}/attempt`);
    expect(attempt.status).toBe('submitted');
    expect(attempt.autoSubmitted).toBe(true);
    expect(attempt.answers.map((a) => a.answer)).toEqual([{ selectedOption: 1 }]);
  });

  it('blocks the exam while the proctor pauses it and resumes with the remaining time it had', async () => {
    const sessionId = await startedSession('Runtime: pause');
    await openExam(page, sessionId);
    await choose(page, 0, 1);
    await expectText(page.getByTestId(e.saveState), 'Saved');

    const proctorPage = await suite.signedInPage(proctor);
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await row.getByTestId(p.participantPause).click();

    await expectVisible(page.getByTestId(e.pausedOverlay));
    const pausedAt = seconds(await page.getByTestId(e.remainingTime).textContent());
    // The clock stands still while paused (the server's figure, not the browser's).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(seconds(await page.getByTestId(e.remainingTime).textContent())).toBe(pausedAt);
    // Everything behind the overlay is inert: no click or key reaches the questions.
    expect(await page.locator('.exam[inert]').count()).toBe(1);
    await expectContains(row.getByTestId(p.participantRemaining), 'paused');

    await row.getByTestId(p.participantResume).click();
    await page.getByTestId(e.pausedOverlay).waitFor({ state: 'detached', timeout: 15_000 });
    const resumedAt = seconds(await page.getByTestId(e.remainingTime).textContent());
    expect(pausedAt - resumedAt).toBeGreaterThanOrEqual(0);
    expect(pausedAt - resumedAt).toBeLessThanOrEqual(3);
    await proctorPage.close();
  });
});

function seconds(text: string | null): number {
  const match = /(\d+):(\d{2})/.exec(text ?? '');
  if (!match) throw new Error(`Not a remaining time: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Asks until the answer satisfies `done` (saves in flight land shortly), then returns the last answer. */
async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await ask();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await ask();
  }
  return last;
}
