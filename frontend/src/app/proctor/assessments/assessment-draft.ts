import type { FormArray, FormControl, FormGroup, NonNullableFormBuilder } from '@angular/forms';
import type { CreateAssessmentBody, QuestionDraft, RubricDraft, SectionDraft } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';

/**
 * One question of any type while it is being written. Every type's fields are kept, so switching
 * the type back and forth loses nothing; only the chosen type's fields are sent. Indexes and numbers
 * are kept as text, as <select> and number inputs hold them, so a blank stays blank until the server says why.
 */
export type QuestionForm = FormGroup<{
  type: FormControl<QuestionType>;
  prompt: FormControl<string>;
  points: FormControl<number>;
  options: FormArray<FormControl<string>>;
  /** single choice: index as text. */
  correctOption: FormControl<string>;
  /** multiple choice: one checkbox per option, parallel to `options`. */
  correctOptions: FormArray<FormControl<boolean>>;
  /** true/false: 'true' or 'false'. */
  correctBoolean: FormControl<string>;
  /** Number inputs: a number once typed, '' or null when blank. */
  correctNumber: FormControl<string | number | null>;
  tolerance: FormControl<string | number | null>;
  /** short text: one accepted answer per line. */
  acceptedAnswers: FormControl<string>;
  caseSensitive: FormControl<boolean>;
  maxWords: FormControl<string | number | null>;
  reviewerGuidance: FormControl<string>;
  /** essay: kept as it came (from an edit or an import); the page has no rubric controls yet. */
  rubric: FormControl<RubricDraft | null>;
}>;

export type SectionForm = FormGroup<{
  title: FormControl<string>;
  questions: FormArray<QuestionForm>;
}>;

export type AssessmentForm = FormGroup<{
  title: FormControl<string>;
  description: FormControl<string>;
  passingPercent: FormControl<number>;
  sections: FormArray<SectionForm>;
}>;

export const defaultPassingPercent = 70;

export const questionTypeLabels: Record<QuestionType, string> = {
  [QuestionType.SingleChoice]: 'Single choice',
  [QuestionType.MultipleChoice]: 'Multiple choice',
  [QuestionType.TrueFalse]: 'True / false',
  [QuestionType.Numeric]: 'Numeric',
  [QuestionType.ShortText]: 'Short text',
  [QuestionType.Essay]: 'Essay',
};

export function isChoiceType(type: QuestionType): boolean {
  return type === QuestionType.SingleChoice || type === QuestionType.MultipleChoice;
}

/** Every new question starts as single choice with two empty options (the least a choice needs) worth one point. */
export function newQuestionForm(fb: NonNullableFormBuilder, draft?: QuestionDraft): QuestionForm {
  const options = draft?.options ?? ['', ''];
  const correctOptions = new Set(draft?.correctOptions ?? []);
  return fb.group({
    type: fb.control<QuestionType>(draft?.type ?? QuestionType.SingleChoice),
    prompt: draft?.prompt ?? '',
    points: draft?.points ?? 1,
    options: fb.array(options.map((option) => fb.control(option))),
    correctOption: String(draft?.correctOption ?? 0),
    correctOptions: fb.array(options.map((_, index) => fb.control(correctOptions.has(index)))),
    correctBoolean: String(draft?.correctBoolean ?? true),
    correctNumber: fb.control<string | number | null>(draft?.correctNumber ?? ''),
    tolerance: fb.control<string | number | null>(draft?.tolerance ?? 0),
    acceptedAnswers: (draft?.acceptedAnswers ?? []).join('\n'),
    caseSensitive: draft?.caseSensitive ?? false,
    maxWords: fb.control<string | number | null>(draft?.maxWords ?? ''),
    reviewerGuidance: draft?.reviewerGuidance ?? '',
    rubric: fb.control<RubricDraft | null>(draft?.rubric ?? null),
  });
}

export function newSectionForm(fb: NonNullableFormBuilder, number: number, draft?: SectionDraft): SectionForm {
  return fb.group({
    title: draft?.title ?? `Section ${number}`,
    questions: fb.array(
      draft ? draft.questions.map((question) => newQuestionForm(fb, question)) : [newQuestionForm(fb)],
    ),
  });
}

export function newAssessmentForm(fb: NonNullableFormBuilder): AssessmentForm {
  return fb.group({
    title: '',
    description: '',
    passingPercent: defaultPassingPercent,
    sections: fb.array([newSectionForm(fb, 1)]),
  });
}

/** Replaces the form's content with an existing assessment's (for editing it into a new version). */
export function fillAssessmentForm(
  fb: NonNullableFormBuilder,
  form: AssessmentForm,
  content: CreateAssessmentBody,
): void {
  form.controls.sections.clear();
  content.sections.forEach((section, index) => form.controls.sections.push(newSectionForm(fb, index + 1, section)));
  form.patchValue({
    title: content.title,
    description: content.description ?? '',
    passingPercent: content.passingPercent,
  });
}

/**
 * Blank stays null so the server names the missing field; anything else goes as a number (NaN arrives as null too).
 * Number inputs hand Angular forms a number (or null), whatever the control's declared type.
 */
function numberOrNull(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value.trim() === '' ? null : Number(value);
}

export function toQuestionDraft(question: ReturnType<QuestionForm['getRawValue']>): QuestionDraft {
  const base = { type: question.type, prompt: question.prompt, points: Number(question.points) };
  switch (question.type) {
    case QuestionType.SingleChoice:
      return { ...base, options: question.options, correctOption: Number(question.correctOption) };
    case QuestionType.MultipleChoice:
      return {
        ...base,
        options: question.options,
        correctOptions: question.correctOptions.flatMap((checked, index) => (checked ? [index] : [])),
      };
    case QuestionType.TrueFalse:
      return { ...base, correctBoolean: question.correctBoolean === 'true' };
    case QuestionType.Numeric:
      return {
        ...base,
        correctNumber: numberOrNull(question.correctNumber) as number,
        tolerance: numberOrNull(question.tolerance) as number,
      };
    case QuestionType.ShortText:
      return {
        ...base,
        acceptedAnswers: question.acceptedAnswers
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        caseSensitive: question.caseSensitive,
      };
    case QuestionType.Essay: {
      const guidance = question.reviewerGuidance.trim();
      return {
        ...base,
        maxWords: numberOrNull(question.maxWords),
        ...(guidance ? { reviewerGuidance: guidance } : {}),
        ...(question.rubric ? { rubric: question.rubric } : {}),
      };
    }
  }
}

/**
 * Turns the form into the request body. Values are sent as typed, not checked here:
 * the server validates with the shared contract and its messages are shown next to each field.
 */
export function toCreateAssessmentBody(form: AssessmentForm): CreateAssessmentBody {
  const value = form.getRawValue();
  const description = value.description.trim();
  return {
    title: value.title,
    ...(description ? { description } : {}),
    passingPercent: Number(value.passingPercent),
    sections: value.sections.map((section) => ({
      title: section.title,
      questions: section.questions.map((question) => toQuestionDraft(question)),
    })),
  };
}
