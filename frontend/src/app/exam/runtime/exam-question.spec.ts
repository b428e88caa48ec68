import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AnswerValue, CandidateQuestionView } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { byTestId, settle, textOf, typeInto } from '../../../testing/dom';
import type { AnswerChange } from './exam-question';
import { ExamQuestion } from './exam-question';

const q = (id: string, type: QuestionType, extra: Partial<CandidateQuestionView> = {}): CandidateQuestionView => ({
  id,
  sectionId: 's',
  type,
  prompt: `Prompt ${id}`,
  options: [],
  points: 1,
  maxWords: null,
  ...extra,
});

const questions = [
  q('single', QuestionType.SingleChoice, { options: ['x', 'y'] }),
  q('multi', QuestionType.MultipleChoice, { options: ['neon', 'iron', 'argon'] }),
  q('truth', QuestionType.TrueFalse),
  q('num', QuestionType.Numeric),
  q('short', QuestionType.ShortText),
  q('essay', QuestionType.Essay, { maxWords: 3 }),
];

describe('ExamQuestion', () => {
  let fixture: ComponentFixture<ExamQuestion>;
  let changes: AnswerChange[];

  async function show(index: number, value?: AnswerValue, disabled = false): Promise<void> {
    fixture.componentRef.setInput('question', questions[index]);
    fixture.componentRef.setInput('index', index);
    fixture.componentRef.setInput('value', value);
    fixture.componentRef.setInput('disabled', disabled);
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ExamQuestion] });
    fixture = TestBed.createComponent(ExamQuestion);
    changes = [];
    fixture.componentInstance.answered.subscribe((change) => changes.push(change));
    await show(0);
  });

  it('numbers the question across the whole assessment', async () => {
    await show(3);
    expect(textOf(fixture, 'exam-question-3')).toContain('Question 4.');
  });

  it('renders every type with an accessible native control and reports each change', async () => {
    byTestId<HTMLInputElement>(fixture, 'exam-question-0-option-1').click();
    await show(1);
    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-0').type).toBe('checkbox');
    byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-2').click();
    await show(2);
    byTestId<HTMLInputElement>(fixture, 'exam-question-2-false').click();
    for (const [index, testId, text] of [
      [3, 'exam-question-3-number', '9.81'],
      [4, 'exam-question-4-text', 'Paris'],
      [5, 'exam-question-5-essay', 'Water moves'],
    ] as const) {
      await show(index);
      typeInto(fixture, testId, text);
      const control = byTestId(fixture, testId);
      expect((fixture.nativeElement as HTMLElement).querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
    expect(changes).toEqual([
      { questionId: 'single', answer: { selectedOption: 1 } },
      { questionId: 'multi', answer: { selectedOptions: [2] } },
      { questionId: 'truth', answer: { booleanValue: false } },
      { questionId: 'num', answer: { numberValue: 9.81 } },
      { questionId: 'short', answer: { text: 'Paris' } },
      { questionId: 'essay', answer: { text: 'Water moves' } },
    ]);
  });

  it('adds to the selected options of a multiple-choice question and does not send a half-typed number', async () => {
    await show(1, { selectedOptions: [0] });
    byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-2').click();
    await show(3);
    typeInto(fixture, 'exam-question-3-number', '');
    expect(changes).toEqual([{ questionId: 'multi', answer: { selectedOptions: [0, 2] } }]);
  });

  it("shows the saved answer and counts an essay's words against its limit", async () => {
    await show(2, { booleanValue: true });
    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-2-true').checked).toBe(true);
    await show(5, { text: 'one two three four' });
    // Raw text, not whitespace-collapsed: a person (and the browser test) reads the spaces as rendered.
    expect(byTestId(fixture, 'exam-question-5-words').textContent).toContain('4 words of at most 3');
    expect(textOf(fixture, 'exam-question-5-words')).toContain('too long');
    expect(byTestId(fixture, 'exam-question-5-essay').getAttribute('aria-describedby')).toBe('exam-question-5-words');
  });

  it('disables every control when answers may no longer change', async () => {
    await show(0, undefined, true);
    expect(byTestId<HTMLFieldSetElement>(fixture, 'exam-question-0').disabled).toBe(true);
  });
});
