import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AnswerValue, CandidateQuestionView, QuestionType } from '@invigil/contracts';
import { byTestId, queryTestId, settle, textOf, typeInto } from '../../testing/dom';
import { AnswerChange, ExamQuestions } from './exam-questions';

const q = (id: string, sectionId: string, type: QuestionType, extra: Partial<CandidateQuestionView> = {}): CandidateQuestionView => ({
  id, sectionId, type, prompt: `Prompt ${id}`, options: [], points: 1, maxWords: null, ...extra,
});

const questions = [
  q('single', 'a', QuestionType.SingleChoice, { options: ['x', 'y'] }),
  q('multi', 'a', QuestionType.MultipleChoice, { options: ['neon', 'iron', 'argon'] }),
  q('truth', 'a', QuestionType.TrueFalse),
  q('num', 'b', QuestionType.Numeric),
  q('short', 'b', QuestionType.ShortText),
  q('essay', 'b', QuestionType.Essay, { maxWords: 3 }),
];

describe('ExamQuestions', () => {
  let fixture: ComponentFixture<ExamQuestions>;
  let changes: AnswerChange[];

  async function render(selections: ReadonlyMap<string, AnswerValue> = new Map()): Promise<void> {
    fixture.componentRef.setInput('selections', selections);
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ExamQuestions] });
    fixture = TestBed.createComponent(ExamQuestions);
    fixture.componentRef.setInput('questions', questions);
    fixture.componentRef.setInput('sections', [{ id: 'a', title: 'Closed' }, { id: 'b', title: 'Open' }]);
    changes = [];
    fixture.componentInstance.answered.subscribe((change) => changes.push(change));
    await render();
  });

  it('groups questions by section under headings, numbering across sections', () => {
    const headings = [...(fixture.nativeElement as HTMLElement).querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Closed', 'Open']);
    expect(textOf(fixture, 'exam-question-3')).toContain('Question 4.');
  });

  it('renders every type with an accessible native control and reports each change', () => {
    byTestId<HTMLInputElement>(fixture, 'exam-question-0-option-1').click();
    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-0').type).toBe('checkbox');
    byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-2').click();
    byTestId<HTMLInputElement>(fixture, 'exam-question-2-false').click();
    typeInto(fixture, 'exam-question-3-number', '9.81');
    typeInto(fixture, 'exam-question-4-text', 'Paris');
    typeInto(fixture, 'exam-question-5-essay', 'Water moves');
    expect(changes).toEqual([
      { questionId: 'single', answer: { selectedOption: 1 } },
      { questionId: 'multi', answer: { selectedOptions: [2] } },
      { questionId: 'truth', answer: { booleanValue: false } },
      { questionId: 'num', answer: { numberValue: 9.81 } },
      { questionId: 'short', answer: { text: 'Paris' } },
      { questionId: 'essay', answer: { text: 'Water moves' } },
    ]);
    for (const id of ['exam-question-3-number', 'exam-question-4-text', 'exam-question-5-essay']) {
      const control = byTestId(fixture, id);
      expect((fixture.nativeElement as HTMLElement).querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
  });

  it('adds to the selected options of a multiple-choice question and does not send a half-typed number', async () => {
    await render(new Map([['multi', { selectedOptions: [0] }]]));
    byTestId<HTMLInputElement>(fixture, 'exam-question-1-option-2').click();
    typeInto(fixture, 'exam-question-3-number', '');
    expect(changes).toEqual([{ questionId: 'multi', answer: { selectedOptions: [0, 2] } }]);
  });

  it("shows saved answers and counts an essay's words against its limit", async () => {
    await render(new Map<string, AnswerValue>([
      ['truth', { booleanValue: true }],
      ['essay', { text: 'one two three four' }],
    ]));
    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-2-true').checked).toBe(true);
    expect(textOf(fixture, 'exam-question-5-words')).toContain('4 words of at most 3');
    expect(textOf(fixture, 'exam-question-5-words')).toContain('too long');
    expect(byTestId(fixture, 'exam-question-5-essay').getAttribute('aria-describedby')).toBe('exam-question-5-words');
    expect(queryTestId(fixture, 'exam-question-0-option-0')).not.toBeNull();
  });
});
