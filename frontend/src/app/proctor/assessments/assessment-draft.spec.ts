import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { QuestionDraft } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { newQuestionForm, toQuestionDraft } from './assessment-draft';

describe('assessment draft', () => {
  it("keeps an essay's rubric through an edit, though the page has no rubric controls", () => {
    const rubric = {
      criteria: [
        {
          title: 'Accuracy',
          levels: [
            { label: 'Wrong', points: 0 },
            { label: 'Right', points: 2 },
          ],
        },
      ],
    };
    const essay: QuestionDraft = { type: QuestionType.Essay, prompt: 'Explain', points: 2, rubric };
    const form = newQuestionForm(TestBed.inject(NonNullableFormBuilder), essay);
    expect(toQuestionDraft(form.getRawValue())).toEqual({ ...essay, maxWords: null });
    expect(toQuestionDraft(newQuestionForm(TestBed.inject(NonNullableFormBuilder)).getRawValue())).not.toHaveProperty(
      'rubric',
    );
  });
});
