import { DEMO_USERS } from '@invigil/server-seed';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';
import { at, first } from '@invigil/server-testing';

const proctor = DEMO_USERS[1];
const candidate = DEMO_USERS[3];

describe('assessment authoring: every question type through the UI, export, import, and the candidate view', () => {
  const suite = useE2eSuite();
  let proctorPage: Page;
  let candidatePage: Page;

  beforeAll(async () => {
    proctorPage = await suite.newPage({ acceptDownloads: true });
    candidatePage = await suite.newPage();
  });

  it('builds, exports, re-imports and runs an assessment with every question type', async () => {
    const p = sel.proctor;
    const page = proctorPage;
    await suite.signInAs(page, proctor);

    await page.getByTestId(p.assessmentTitle).fill('Every Type E2E');
    await page.getByTestId(p.assessmentDescription).fill('One question of each type.');
    await page.getByTestId(p.assessmentPassing).fill('50');
    await page.getByTestId(p.sectionTitle(0)).fill('Closed');

    // 0: single choice (the default).
    await page.getByTestId(p.questionPrompt(0)).fill('H2O is…');
    await page.getByTestId(p.questionOption(0, 0)).fill('salt');
    await page.getByTestId(p.questionOption(0, 1)).fill('water');
    await page.getByTestId(p.questionCorrect(0)).selectOption('1');

    // 1: multiple choice, three options, two correct, two points.
    await page.getByTestId(p.addQuestion).click();
    await page.getByTestId(p.questionType(1)).selectOption('multiple_choice');
    await page.getByTestId(p.questionPrompt(1)).fill('Noble gases?');
    await page.getByTestId(p.questionAddOption(1)).click();
    await page.getByTestId(p.questionOption(1, 0)).fill('neon');
    await page.getByTestId(p.questionOption(1, 1)).fill('iron');
    await page.getByTestId(p.questionOption(1, 2)).fill('argon');
    await page.getByTestId(p.questionCorrectMany(1, 0)).check();
    await page.getByTestId(p.questionCorrectMany(1, 2)).check();
    await page.getByTestId(p.questionPoints(1)).fill('2');

    // 2: true/false.
    await page.getByTestId(p.addQuestion).click();
    await page.getByTestId(p.questionType(2)).selectOption('true_false');
    await page.getByTestId(p.questionPrompt(2)).fill('Water boils at 50 °C at sea level.');
    await page.getByTestId(p.questionBoolean(2)).selectOption('false');

    // A second section: numeric, short text, essay.
    await page.getByTestId(p.addSection).click();
    await page.getByTestId(p.sectionTitle(1)).fill('Open');
    await page.getByTestId(p.questionType(3)).selectOption('numeric');
    await page.getByTestId(p.questionPrompt(3)).fill('g in m/s²?');
    await page.getByTestId(p.questionNumber(3)).fill('9.81');
    await page.getByTestId(p.questionTolerance(3)).fill('-1');

    await page.getByTestId(p.sectionAddQuestion(1)).click();
    await page.getByTestId(p.questionType(4)).selectOption('short_text');
    await page.getByTestId(p.questionPrompt(4)).fill('Capital of France?');
    await page.getByTestId(p.questionAccepted(4)).fill('Paris');

    await page.getByTestId(p.sectionAddQuestion(1)).click();
    await page.getByTestId(p.questionType(5)).selectOption('essay');
    await page.getByTestId(p.questionPrompt(5)).fill('Explain osmosis.');
    await page.getByTestId(p.questionMaxWords(5)).fill('5');
    await page.getByTestId(p.questionGuidance(5)).fill('Mentions a membrane.');
    await page.getByTestId(p.questionPoints(5)).fill('3');

    // A negative tolerance is refused, with the message next to the field; fixing it saves.
    await page.getByTestId(p.createAssessment).click();
    await expectText(page.getByTestId('question-3-tolerance-error'), 'Tolerance must be zero or more');
    await page.getByTestId(p.questionTolerance(3)).fill('0.05');
    await page.getByTestId(p.createAssessment).click();
    await expectContains(page.getByTestId(p.assessmentCreated), '6 questions');

    // Export: a JSON download in the documented format, keys included.
    await page.getByTestId(p.assessmentPick).selectOption({ label: 'Every Type E2E (v1)' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(p.assessmentExport).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown> & {
      sections: { questions: Record<string, unknown>[] }[];
    };
    expect(exported).toMatchObject({
      format: 'invigil.assessment',
      formatVersion: 1,
      title: 'Every Type E2E',
      passingPercent: 50,
    });
    expect(exported.sections.map((section) => section.questions.map((question) => question.type))).toEqual([
      ['single_choice', 'multiple_choice', 'true_false'],
      ['numeric', 'short_text', 'essay'],
    ]);
    expect(first(at(exported.sections, 1).questions)).toMatchObject({ correctNumber: 9.81, tolerance: 0.05 });

    // A broken file is refused with every problem by path; the fixed one imports.
    const broken = join(tmpdir(), `broken-${Date.now()}.json`);
    await writeFile(broken, JSON.stringify({ ...exported, passingPercent: 150, sections: [] }));
    await page.getByTestId(p.assessmentImport).setInputFiles(broken);
    await expectContains(
      page.getByTestId(p.assessmentToolsError),
      'sections: an assessment needs at least one section',
    );
    await expectContains(
      page.getByTestId(p.assessmentToolsError),
      'passingPercent: passingPercent must be between 0 and 100',
    );
    const good = join(tmpdir(), `imported-${Date.now()}.json`);
    await writeFile(good, JSON.stringify({ ...exported, title: 'Every Type E2E (imported)' }));
    await page.getByTestId(p.assessmentImport).setInputFiles(good);
    await expectContains(
      page.getByTestId(p.assessmentToolsNotice),
      'Imported “Every Type E2E (imported)” with 6 questions',
    );

    // The imported copy runs: a session, the candidate sees every type with its own control.
    await page.getByTestId(p.sessionName).fill('Every Type Session');
    await page.getByTestId(p.sessionAssessment).selectOption({ label: 'Every Type E2E (imported)' });
    await page.getByTestId(p.sessionDuration).fill('30');
    await page.getByTestId(p.createSession).click();
    const code = await expectText(page.getByTestId(p.enrollmentCode), /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);

    const e = sel.exam;
    await suite.signInAs(candidatePage, candidate);
    await candidatePage.getByTestId(e.codeInput).fill(code);
    await candidatePage.getByTestId(e.joinSubmit).click();
    await expectVisible(candidatePage.getByTestId(e.waitingRoom));
    await expectText(page.getByTestId(p.participantRow(candidate.id)).getByTestId(p.participantStatus), 'Waiting');
    await page.getByTestId(p.startSession).click();
    await expectVisible(candidatePage.getByTestId(e.question(0)));

    // One question at a time: the palette moves between them.
    const c = candidatePage;
    const show = async (i: number) => {
      await c.getByTestId(e.palette(i)).click();
      await expectVisible(c.getByTestId(e.question(i)));
    };
    await c.getByTestId(e.option(0, 1)).check();
    await show(1);
    await c.getByTestId(e.option(1, 0)).check();
    await c.getByTestId(e.option(1, 2)).check();
    await show(2);
    await c.getByTestId(e.trueFalse(2, false)).check();
    await show(3);
    await c.getByTestId(e.number(3)).fill('9.8');
    await show(4);
    await c.getByTestId(e.text(4)).fill(' paris ');
    await show(5);
    await c.getByTestId(e.essay(5)).fill('Water crosses a membrane.');
    await expectContains(c.getByTestId(e.essayWords(5)), '4 words of at most 5');
    await expectText(c.getByTestId(e.saveState), 'Saved');
    await expectContains(c.getByTestId(e.answeredCount), '6/6');

    // A reload resumes at the question the candidate was on and shows every saved answer again.
    await c.reload();
    await expectVisible(c.getByTestId(e.question(5)));
    expect(await c.getByTestId(e.essay(5)).inputValue()).toBe('Water crosses a membrane.');
    await show(1);
    expect(await c.getByTestId(e.option(1, 2)).isChecked()).toBe(true);
    await show(2);
    expect(await c.getByTestId(e.trueFalse(2, false)).isChecked()).toBe(true);
    await show(3);
    expect(await c.getByTestId(e.number(3)).inputValue()).toBe('9.8');

    await c.getByTestId(e.submit).click();
    await c.getByTestId(e.confirmSubmit).click();
    // The essay awaits a reviewer, so the default release policy (after every review) holds the result.
    await expectText(c.getByTestId(e.resultHeld), 'Your result will be published by your proctor.', 20_000);
    // 6 of 9 points scored automatically (all auto-scored answers right); staff see it, provisional.
    await page.getByTestId(sel.results.link).click();
    const row = page.getByTestId(sel.results.row);
    await expectContains(row.getByTestId(sel.results.rowPercent), '66.7%', 20_000);
    await expectText(row.getByTestId(sel.results.rowReview), 'Provisional, 1 awaiting');
  });
});
