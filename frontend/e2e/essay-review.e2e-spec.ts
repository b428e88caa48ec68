import type { AssessmentView, AttemptView } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import { at } from '@invigil/server-testing';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectValue, expectVisible } from './support/ui-expect';

const admin = DEMO_USERS[0];
const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[3];
const classmate = DEMO_USERS[4];
const e = sel.exam;
const r = sel.review;

const ESSAY_TEXT = 'Water crosses a membrane\ntowards the side with more <solutes>.';

/** One 1-point choice and a 4-point essay with a rubric (2 + 2); 60% to pass, so the essay decides. */
const assessment = {
  format: 'invigil.assessment',
  formatVersion: 1,
  title: `Essay review E2E ${Date.now()}`,
  passingPercent: 60,
  sections: [
    {
      title: 'Biology',
      questions: [
        { type: 'single_choice', prompt: 'Water is made of?', options: ['H2O', 'CO2'], correctOption: 0, points: 1 },
        {
          type: 'essay',
          prompt: 'Explain osmosis in two sentences.',
          points: 4,
          reviewerGuidance: 'A membrane and a concentration gradient earn full marks.',
          rubric: {
            criteria: [
              {
                title: 'Accuracy',
                levels: [
                  { label: 'Wrong', points: 0 },
                  { label: 'Partly right', points: 1 },
                  { label: 'Right', points: 2 },
                ],
              },
              {
                title: 'Clarity',
                levels: [
                  { label: 'Muddled', points: 0 },
                  { label: 'Clear', points: 2 },
                ],
              },
            ],
          },
        },
      ],
    },
  ],
};

describe('essay review: anonymous, with a rubric, from provisional to final with a certificate (real Chromium)', () => {
  const suite = useE2eSuite();
  let proctorApi: ApiClient;
  let candidateApis: ApiClient[];

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    candidateApis = [await suite.api(candidate), await suite.api(classmate)];
  });

  /** Both candidates answer both questions and submit, as the exam page would. */
  async function submittedSession(): Promise<string> {
    const imported = await proctorApi.call<AssessmentView>('POST', '/assessments/import', assessment);
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Essay review E2E', { assessmentId: imported.id }),
    );
    // Candidates see provisional scores here (the default policy would hold them until every review).
    await proctorApi.call('PUT', `/sessions/${session.id}/release/settings`, {
      policy: 'immediately',
      score: true,
      passFail: true,
      questionCorrectness: false,
      correctAnswers: false,
      feedback: true,
    });
    for (const api of candidateApis) await api.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${session.id}/start`);
    for (const api of candidateApis) {
      const attempt = await api.call<AttemptView>('GET', `/sessions/${session.id}/attempt`);
      const [choice, essay] = [at(attempt.questions, 0), at(attempt.questions, 1)];
      const save = (questionId: string, answer: object) =>
        api.call('PUT', `/sessions/${session.id}/attempt/answers/${questionId}`, { clientSeq: 1, answer });
      await save(choice.id, { selectedOption: 0 });
      await save(essay.id, { text: ESSAY_TEXT });
      await api.call('POST', `/sessions/${session.id}/attempt/submit`);
    }
    return session.id;
  }

  async function expectNameHidden(page: Page): Promise<void> {
    const text = await page.locator('main, body').first().innerText();
    for (const person of [candidate, classmate]) {
      expect(text).not.toContain(person.displayName);
      expect(text).not.toContain(person.email);
    }
  }

  it('marks the essay blind with the rubric; the result turns final and passed, and the certificate follows', async () => {
    const sessionId = await submittedSession();

    // The candidate's result is provisional, and says why.
    const candidatePage = await suite.signedInPage(candidate);
    await candidatePage.goto(suite.url(`/exam/${sessionId}`));
    await expectText(candidatePage.getByTestId(e.resultReview), 'Provisional, 1 answer awaiting review', 20_000);
    await expectContains(candidatePage.getByTestId(e.resultScore), '20%');

    // The proctor reaches the queue from the session page: two ungraded answers to question 2, no names.
    const page = await suite.signedInPage(proctor);
    await page.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await page.getByTestId(r.link).click();
    await expectText(page.getByTestId(r.question(2)).getByTestId(r.questionNeeds), '2', 20_000);
    await expectContains(page.getByTestId(r.identitiesState), 'Anonymous');
    await expectContains(page.getByTestId(r.candidateName), 'Candidate ');
    await expectNameHidden(page);

    await page.getByTestId(r.gradeQuestion(2)).click();
    await page.getByTestId(r.start).click();
    await expectText(page.getByTestId(r.itemPrompt), 'Explain osmosis in two sentences.');
    // The answer is shown as the text it is: line break kept, the angle brackets not taken for markup.
    expect(await page.getByTestId(r.itemAnswer).innerText()).toBe(ESSAY_TEXT);
    await expectContains(page.getByTestId(r.itemCandidate), 'Candidate ');
    await expectNameHidden(page);

    // A mark above the question's maximum is refused, visibly, and nothing is saved.
    await page.getByTestId(r.points).fill('9');
    await page.getByTestId(r.save).click();
    await expectContains(page.getByTestId(r.itemError), "points: a mark cannot be above the question's 4 points");
    await expectText(page.getByTestId(r.itemState), 'Needs review');

    // Right and clear: 2 + 2 of 4.
    await page.getByTestId(r.points).fill('');
    await page.getByTestId(r.level(0, 2)).check();
    await page.getByTestId(r.level(1, 1)).check();
    await expectContains(page.getByTestId(r.rubricTotal), '4 of 4 points');
    await page.getByTestId(r.feedback).fill('Clear and complete.');
    await page.getByTestId(r.saveComment).check();
    await page.getByTestId(r.save).click();
    await expectText(page.getByTestId(r.saved), 'Saved: 4 of 4 points.');
    await expectText(page.getByTestId(r.itemState), 'Reviewed');

    // On to the other candidate's answer, with the comment saved for this question to pick again.
    await page.getByTestId(r.next).click();
    await expectText(page.getByTestId(r.itemState), 'Needs review');
    await page.getByTestId(r.useComment).filter({ hasText: 'Clear and complete.' }).click();
    await expectValue(page.getByTestId(r.feedback), 'Clear and complete.');
    await page.getByTestId(r.level(0, 2)).check();
    await page.getByTestId(r.level(1, 1)).check();
    await page.getByTestId(r.save).click();
    await expectText(page.getByTestId(r.saved), 'Saved: 4 of 4 points.');
    await expectVisible(page.getByTestId(r.queueDone));
    await expectNameHidden(page);

    // The candidate's result is final: 5 of 5, passed, with a certificate to download.
    await candidatePage.reload();
    await expectText(candidatePage.getByTestId(e.resultOutcome), 'Passed', 20_000);
    await expectContains(candidatePage.getByTestId(e.resultScore), '100%');
    await expectVisible(candidatePage.getByTestId(e.downloadCertificate), 30_000);
  });

  it('double marks blind: the first reviewer cannot give the second mark, and two close marks settle to their mean', async () => {
    const sessionId = await submittedSession();
    const page = await suite.signedInPage(proctor);
    await page.goto(suite.url(`/proctor/sessions/${sessionId}/review`));
    await page.getByTestId(r.doubleMarking).check();
    await page.getByTestId(r.threshold).fill('25');
    await page.getByTestId(r.settingsSave).click();
    await expectText(
      page.getByTestId(r.settingsSaved),
      'Essays are double marked; marks more than 25% apart go to a moderator.',
    );

    // The proctor gives the first mark: 4 of 4. It is hidden, and the proctor may not give the second.
    await page.getByTestId(r.start).click();
    await page.getByTestId(r.level(0, 2)).check();
    await page.getByTestId(r.level(1, 1)).check();
    await page.getByTestId(r.save).click();
    await expectContains(page.getByTestId(r.saved), 'First mark saved (hidden)');
    await expectText(page.getByTestId(r.itemState), 'Awaiting second mark');
    const itemUrl = page.url();
    await page.reload();
    await page.getByTestId(r.points).fill('1');
    await page.getByTestId(r.save).click();
    await expectContains(
      page.getByTestId(r.itemError),
      'You gave this answer its first mark; another reviewer gives the second, blind.',
    );

    // The admin marks blind: nothing of the first mark shows. 3 and 4 are 25% apart: the mean, 3.5, rounds to 4.
    const adminPage = await suite.signedInPage(admin);
    await adminPage.goto(itemUrl);
    await expectVisible(adminPage.getByTestId(r.itemBlind));
    expect(await adminPage.getByTestId(r.itemMarks).count()).toBe(0);
    await adminPage.getByTestId(r.points).fill('3');
    await adminPage.getByTestId(r.save).click();
    await expectText(adminPage.getByTestId(r.saved), 'Saved: 4 of 4 points.');
    await expectContains(adminPage.getByTestId(r.itemMarks), 'First mark: 4 of 4');
    await expectContains(adminPage.getByTestId(r.itemMarks), 'Second mark: 3 of 4');
    await expectText(adminPage.getByTestId(r.itemState), 'Reviewed');
  });
});
