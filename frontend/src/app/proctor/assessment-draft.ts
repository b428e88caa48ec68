import { FormArray, FormControl, FormGroup, NonNullableFormBuilder } from '@angular/forms';
import { ChoiceQuestionDraft, CreateAssessmentBody, QuestionType } from '@invigil/contracts';

/** One single-choice question while it is being written. The correct option is an index kept as text, as a <select> holds it. */
export type QuestionForm = FormGroup<{
  prompt: FormControl<string>;
  options: FormArray<FormControl<string>>;
  correctOption: FormControl<string>;
  points: FormControl<number>;
}>;

export type AssessmentForm = FormGroup<{
  title: FormControl<string>;
  passingPercent: FormControl<number>;
  questions: FormArray<QuestionForm>;
}>;

export const defaultPassingPercent = 70;

/** Every new question starts with two empty options (the least a choice needs) worth one point. */
export function newQuestionForm(fb: NonNullableFormBuilder): QuestionForm {
  return fb.group({
    prompt: '',
    options: fb.array(['', '']),
    correctOption: '0',
    points: 1,
  });
}

export function newAssessmentForm(fb: NonNullableFormBuilder): AssessmentForm {
  return fb.group({
    title: '',
    passingPercent: defaultPassingPercent,
    questions: fb.array([newQuestionForm(fb)]),
  });
}

/**
 * Turns the form into the request body. Values are sent as typed, not trimmed or checked here:
 * the server validates with the shared contract and its messages are shown as they come.
 */
export function toCreateAssessmentBody(form: AssessmentForm): CreateAssessmentBody {
  const value = form.getRawValue();
  const questions: ChoiceQuestionDraft[] = value.questions.map((question) => ({
    type: QuestionType.SingleChoice,
    prompt: question.prompt,
    options: question.options,
    correctOption: Number(question.correctOption),
    points: Number(question.points),
  }));
  return { title: value.title, passingPercent: Number(value.passingPercent), questions };
}
