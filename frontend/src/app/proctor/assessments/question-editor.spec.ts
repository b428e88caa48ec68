import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { QuestionType } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import type { QuestionForm } from './assessment-draft';
import { newQuestionForm } from './assessment-draft';
import { QuestionEditor } from './question-editor';

describe('QuestionEditor', () => {
  let fixture: ComponentFixture<QuestionEditor>;
  let question: QuestionForm;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [QuestionEditor] });
    question = newQuestionForm(TestBed.inject(NonNullableFormBuilder));
    fixture = TestBed.createComponent(QuestionEditor);
    fixture.componentRef.setInput('question', question);
    fixture.componentRef.setInput('index', 2);
    await fixture.whenStable();
  });

  const click = async (testId: string) => {
    byTestId(fixture, testId).click();
    await settle(fixture);
  };

  it('numbers the question by its index and writes into the form group it was given', () => {
    expect(byTestId(fixture, 'question-2').querySelector('legend')?.textContent).toBe('Question 3');
    typeInto(fixture, 'question-2-prompt', 'What is 2 + 2?');
    typeInto(fixture, 'question-2-points', '4');
    chooseOption(fixture, 'question-2-correct', '1');
    expect(question.getRawValue()).toMatchObject({ prompt: 'What is 2 + 2?', points: 4, correctOption: '1' });
  });

  it("shows only the chosen type's fields and keeps the others' values when the type changes back", async () => {
    typeInto(fixture, 'question-2-option-0', 'salt');
    chooseOption(fixture, 'question-2-type', QuestionType.Numeric);
    await settle(fixture);
    expect(queryTestId(fixture, 'question-2-option-0')).toBeNull();
    expect(queryTestId(fixture, 'question-2-tolerance')).not.toBeNull();

    chooseOption(fixture, 'question-2-type', QuestionType.MultipleChoice);
    await settle(fixture);
    expect(byTestId<HTMLInputElement>(fixture, 'question-2-option-0').value).toBe('salt');
    expect(queryTestId(fixture, 'question-2-correct')).toBeNull();
    byTestId(fixture, 'question-2-correct-1').click();
    expect(question.controls.correctOptions.getRawValue()).toEqual([false, true]);
  });

  it('adds options up to ten, and the single-choice answer follows its option when an earlier one is removed', async () => {
    for (let added = 0; added < 8; added++) await click('question-2-add-option');
    expect(queryTestId(fixture, 'question-2-option-9')).not.toBeNull();
    expect(queryTestId(fixture, 'question-2-add-option')).toBeNull();
    expect(question.controls.correctOptions.length).toBe(10);

    typeInto(fixture, 'question-2-option-3', 'right');
    chooseOption(fixture, 'question-2-correct', '3');
    const remove = (j: number) =>
      byTestId(fixture, 'question-2').querySelector<HTMLButtonElement>(`[aria-label="Remove option ${j + 1}"]`);
    remove(0)?.click();
    await settle(fixture);
    expect(question.controls.options.length).toBe(9);
    expect(question.controls.correctOptions.length).toBe(9);
    expect(question.controls.options.at(2).value).toBe('right');
    expect(question.controls.correctOption.value).toBe('2');
  });

  it('offers no option removal below two options', () => {
    expect(byTestId(fixture, 'question-2').querySelector('[aria-label^="Remove option"]')).toBeNull();
  });

  it('shows the problems it is given next to their fields', async () => {
    chooseOption(fixture, 'question-2-type', QuestionType.Numeric);
    fixture.componentRef.setInput(
      'problems',
      new Map([
        ['prompt', 'prompt must not be empty'],
        ['tolerance', 'must be zero or more'],
      ]),
    );
    await settle(fixture);
    expect(textOf(fixture, 'question-2-prompt-error')).toBe('prompt must not be empty');
    expect(byTestId(fixture, 'question-2-prompt').getAttribute('aria-invalid')).toBe('true');
    expect(textOf(fixture, 'question-2-tolerance-error')).toBe('Tolerance must be zero or more');
    expect(queryTestId(fixture, 'question-2-number-error')).toBeNull();
  });

  it('asks to be removed only when it is removable', async () => {
    const removed = jest.fn();
    fixture.componentInstance.remove.subscribe(removed);
    expect(queryTestId(fixture, 'question-2-remove')).toBeNull();

    fixture.componentRef.setInput('removable', true);
    await settle(fixture);
    expect(textOf(fixture, 'question-2-remove')).toBe('Remove question 3');
    await click('question-2-remove');
    expect(removed).toHaveBeenCalledTimes(1);
  });

  it("edits an essay's rubric, shows what it is worth against the points, and lists the server's rubric problems", async () => {
    chooseOption(fixture, 'question-2-type', QuestionType.Essay);
    question.controls.points.setValue(2);
    await settle(fixture);
    await click('question-2-add-rubric');
    expect(textOf(fixture, 'question-2-rubric-total')).toContain('add up to 1 of the question');
    typeInto(fixture, 'question-2-criterion-0-title', 'Accuracy');
    typeInto(fixture, 'question-2-criterion-0-level-1-points', '3');
    await settle(fixture);
    expect(textOf(fixture, 'question-2-rubric-total')).toContain('That is more than the question is worth.');
    await click('question-2-add-criterion');
    expect(question.controls.rubric.value).toEqual({
      criteria: [
        {
          title: 'Accuracy',
          levels: [
            { label: 'Not met', points: 0 },
            { label: 'Met', points: 3 },
          ],
        },
        {
          title: 'Criterion 2',
          levels: [
            { label: 'Not met', points: 0 },
            { label: 'Met', points: 1 },
          ],
        },
      ],
    });

    fixture.componentRef.setInput(
      'problems',
      new Map([['rubric', "the rubric's best levels add up to 4 points, more than the question's 2"]]),
    );
    await settle(fixture);
    expect(textOf(fixture, 'question-2-rubric-error')).toContain("more than the question's 2");
    await click('question-2-remove-rubric');
    expect(question.controls.rubric.value).toBeNull();
  });
});
