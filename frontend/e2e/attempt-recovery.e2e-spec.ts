import type { AttemptSummaryView, AttemptView } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[2];
const e = sel.exam;
const p = sel.proctor;

describe('technical issues per candidate: reopen and credit (real Chromium)', () => {
  const suite = useE2eSuite();
  let page: Page;
  let proctorApi: ApiClient;
  let candidateApi: ApiClient;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    candidateApi = await suite.api(candidate);
    page = await suite.signedInPage(candidate);
  });

  async function startedSession(name: string, durationMinutes: number): Promise<string> {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody(name, { durationMinutes, gracePeriodSeconds: 0 }),
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

  it('reopens an auto-submitted attempt: the candidate continues with their answers and the minutes given back', async () => {
    const sessionId = await startedSession('Recovery: reopen', 1);
    await page.goto(suite.url(`/exam/${sessionId}`));
    await answer(0, 1);
    await expectVisible(page.getByTestId(e.autoSubmitted), 120_000);

    const proctorPage = await suite.signedInPage(proctor);
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await row.getByTestId(p.participantReopen).click();
    await proctorPage.getByTestId(p.reopenReason).fill('Power cut in the exam room');
    await proctorPage.getByTestId(p.reopenMinutes).fill('15');
    await proctorPage.getByTestId(p.reopenConfirm).click();

    await expectVisible(page.getByTestId(e.remainingTime), 15_000);
    await expectText(page.getByTestId(e.remainingTime), /^1[45]:\d{2}/);
    await expectContains(page.getByTestId(e.answeredCount), '1/3');
    expect(await page.getByTestId(e.option(0, 1)).isChecked()).toBe(true);
    await answer(1, 0);
    const attempt = await candidateApi.call<AttemptView>('GET', `/sessions/${sessionId}/attempt`);
    expect(attempt.status).toBe('in_progress');
    expect(attempt.answers).toHaveLength(2);
    await proctorPage.close();
  });

  it('credits the time the candidate was disconnected in one click', async () => {
    const sessionId = await startedSession('Recovery: credit', 30);
    await page.goto(suite.url(`/exam/${sessionId}`));
    await answer(0, 0);
    // Offline long enough for the heartbeat to notice (5 s), then back: the disconnection is recorded.
    await page.context().setOffline(true);
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    await page.context().setOffline(false);
    await expectText(page.getByTestId(e.saveState), 'Saved', 30_000);

    const proctorPage = await suite.signedInPage(proctor);
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    const row = proctorPage.getByTestId(p.participantRow(candidate.id));
    await expectContains(row.getByTestId(p.participantCredit), 'offline', 30_000);
    const before = await proctorApi.call<AttemptSummaryView[]>('GET', `/sessions/${sessionId}/attempts`);
    const offered = before[0]?.creditableSeconds ?? 0;
    expect(offered).toBeGreaterThanOrEqual(4);
    await row.getByTestId(p.participantCredit).click();
    await row.getByTestId(p.participantCredit).waitFor({ state: 'detached', timeout: 15_000 });
    const after = await proctorApi.call<AttemptSummaryView[]>('GET', `/sessions/${sessionId}/attempts`);
    expect(after[0]?.creditableSeconds).toBe(0);
    expect(after[0]?.remainingSeconds ?? 0).toBeGreaterThan(30 * 60 - 60 + offered - 5);
    await proctorPage.close();
  });
});
