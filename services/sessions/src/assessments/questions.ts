import { CandidateQuestionView, ChoiceQuestionDraft, QuestionType, ScoringKeyView } from '@invigil/contracts';

/** A question as an assessment version stores it (jsonb), answer key included. */
export interface StoredQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  options: string[];
  correctOption: number;
  points: number;
}

/**
 * What field validation cannot see: a key must point at one of the question's own options.
 * One line per problem, naming the field's path as the validation pipe does.
 */
export function answerKeyProblems(drafts: ChoiceQuestionDraft[], path = 'assessment.questions'): string[] {
  return drafts.flatMap((draft, index) =>
    draft.correctOption < draft.options.length ? [] : [`${path}.${index}.correctOption: must be between 0 and ${draft.options.length - 1}`],
  );
}

/** Gives every question a server-made id; copies fields one by one so nothing unexpected is stored. */
export function toStoredQuestions(drafts: ChoiceQuestionDraft[], newId: () => string): StoredQuestion[] {
  return drafts.map((draft) => ({
    id: newId(),
    type: draft.type,
    prompt: draft.prompt,
    options: [...draft.options],
    correctOption: draft.correctOption,
    points: draft.points,
  }));
}

/** What a candidate may see: picked field by field, so a key added to StoredQuestion never leaks. */
export function toCandidateQuestions(questions: StoredQuestion[]): CandidateQuestionView[] {
  return questions.map((question) => ({ id: question.id, prompt: question.prompt, options: [...question.options], points: question.points }));
}

export function toScoringKeys(questions: StoredQuestion[]): ScoringKeyView['questions'] {
  return questions.map((question) => ({ id: question.id, correctOption: question.correctOption, points: question.points }));
}
