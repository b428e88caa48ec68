import type {
  AnswerValue,
  AuthoredSectionView,
  CandidateQuestionView,
  CandidateSectionView,
  QuestionDraft,
  Rubric,
  ScoringKeyQuestion,
  SectionDraft,
} from '@invigil/contracts';
import { maxAnswerTextLength, QuestionType } from '@invigil/contracts';
import { rubricProblem } from '@invigil/domain';

/** A section as an assessment version stores it (jsonb). */
export interface StoredSection {
  id: string;
  title: string;
}

/**
 * A question as an assessment version stores it (jsonb), answer key included. Only the fields of its
 * type are set. Versions written before sections existed have no sectionId: they have one implicit section.
 */
export interface StoredQuestion {
  id: string;
  sectionId?: string;
  type: QuestionType;
  prompt: string;
  points: number;
  options?: string[];
  correctOption?: number;
  correctOptions?: number[];
  correctBoolean?: boolean;
  correctNumber?: number;
  tolerance?: number;
  acceptedAnswers?: string[];
  caseSensitive?: boolean;
  maxWords?: number | null;
  reviewerGuidance?: string | null;
  rubric?: Rubric | null;
}

/**
 * What field validation cannot see: keys must point at the question's own options, and a
 * multiple-choice key may not repeat an option. One line per problem, naming the field's path.
 */
export function answerKeyProblems(sections: SectionDraft[], path = 'assessment.sections'): string[] {
  return sections.flatMap((section, sectionIndex) =>
    section.questions.flatMap((draft, index) => {
      const at = `${path}.${sectionIndex}.questions.${index}`;
      const count = draft.options?.length ?? 0;
      const range = `must be between 0 and ${count - 1}, the index of one of the question's options`;
      if (draft.type === QuestionType.SingleChoice && (draft.correctOption ?? 0) >= count)
        return [`${at}.correctOption: ${range}`];
      if (draft.type === QuestionType.Essay && draft.rubric) {
        const problem = rubricProblem(draft.rubric, draft.points);
        if (problem) return [`${at}.rubric: ${problem}`];
      }
      if (draft.type === QuestionType.MultipleChoice) {
        const keys = draft.correctOptions ?? [];
        if (keys.some((key) => key >= count)) return [`${at}.correctOptions: each ${range}`];
        if (new Set(keys).size !== keys.length) return [`${at}.correctOptions: must not list an option twice`];
      }
      return [];
    }),
  );
}

/** Copies exactly the fields of the question's type, so nothing unexpected is stored. */
export function typedFields(draft: QuestionDraft): Omit<StoredQuestion, 'id' | 'sectionId'> {
  const base = { type: draft.type, prompt: draft.prompt, points: draft.points };
  switch (draft.type) {
    case QuestionType.SingleChoice:
      return { ...base, options: [...(draft.options ?? [])], correctOption: draft.correctOption };
    case QuestionType.MultipleChoice:
      return {
        ...base,
        options: [...(draft.options ?? [])],
        correctOptions: [...(draft.correctOptions ?? [])].sort((a, b) => a - b),
      };
    case QuestionType.TrueFalse:
      return { ...base, correctBoolean: draft.correctBoolean };
    case QuestionType.Numeric:
      return { ...base, correctNumber: draft.correctNumber, tolerance: draft.tolerance };
    case QuestionType.ShortText:
      return { ...base, acceptedAnswers: [...(draft.acceptedAnswers ?? [])], caseSensitive: draft.caseSensitive };
    case QuestionType.Essay:
      return {
        ...base,
        maxWords: draft.maxWords ?? null,
        reviewerGuidance: draft.reviewerGuidance ?? null,
        ...(draft.rubric ? { rubric: copyRubric(draft.rubric) } : {}),
      };
  }
}

/** Exactly the rubric's fields, so nothing unexpected is stored. */
function copyRubric(rubric: Rubric): Rubric {
  return {
    criteria: rubric.criteria.map((criterion) => ({
      title: criterion.title,
      levels: criterion.levels.map((level) => ({
        label: level.label,
        points: level.points,
        ...(level.description ? { description: level.description } : {}),
      })),
    })),
  };
}

/** Gives every section and question a server-made id. */
export function toStoredContent(
  sections: SectionDraft[],
  newId: () => string,
): { sections: StoredSection[]; questions: StoredQuestion[] } {
  const storedSections: StoredSection[] = [];
  const questions: StoredQuestion[] = [];
  for (const section of sections) {
    const sectionId = newId();
    storedSections.push({ id: sectionId, title: section.title });
    for (const draft of section.questions) questions.push({ id: newId(), sectionId, ...typedFields(draft) });
  }
  return { sections: storedSections, questions };
}

/** A version's sections; a version from before sections has one, named after the assessment. */
export function sectionsOf(version: { id: string; title: string; sections?: StoredSection[] | null }): StoredSection[] {
  return version.sections && version.sections.length > 0
    ? version.sections
    : [{ id: version.id, title: version.title }];
}

/** A question stored before sections belongs to the first (the implicit) section. */
function sectionIdOf(question: StoredQuestion, sections: StoredSection[]): string {
  const sectionId = question.sectionId ?? sections[0]?.id;
  // sectionsOf always gives at least one section; an empty list means a caller did not use it.
  if (sectionId === undefined) throw new Error(`Question ${question.id} has no section and none was given to hold it`);
  return sectionId;
}

/** Authors' view: sections with their questions, keys included. */
export function toAuthoredSections(sections: StoredSection[], questions: StoredQuestion[]): AuthoredSectionView[] {
  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    questions: questions
      .filter((question) => sectionIdOf(question, sections) === section.id)
      .map((question) => ({ id: question.id, ...typedFields(question as QuestionDraft) })),
  }));
}

/** Drafts again (no ids), for export and for editing. */
export function toSectionDrafts(sections: StoredSection[], questions: StoredQuestion[]): SectionDraft[] {
  return toAuthoredSections(sections, questions).map((section) => ({
    title: section.title,
    questions: section.questions.map(({ id: _id, ...draft }) => draft as QuestionDraft),
  }));
}

export function toCandidateSections(sections: StoredSection[]): CandidateSectionView[] {
  return sections.map((section) => ({ id: section.id, title: section.title }));
}

/** What a candidate may see: picked field by field, so a key added to StoredQuestion never leaks. */
export function toCandidateQuestions(questions: StoredQuestion[], sections: StoredSection[]): CandidateQuestionView[] {
  return questions.map((question) => ({
    id: question.id,
    sectionId: sectionIdOf(question, sections),
    type: question.type,
    prompt: question.prompt,
    options:
      question.type === QuestionType.SingleChoice || question.type === QuestionType.MultipleChoice
        ? [...(question.options ?? [])]
        : [],
    points: question.points,
    maxWords: question.type === QuestionType.Essay ? (question.maxWords ?? null) : null,
  }));
}

export function toScoringKeys(questions: StoredQuestion[]): ScoringKeyQuestion[] {
  return questions.map((question): ScoringKeyQuestion => {
    const base = { id: question.id, points: question.points };
    switch (question.type) {
      case QuestionType.SingleChoice:
        return { ...base, type: question.type, correctOption: question.correctOption ?? 0 };
      case QuestionType.MultipleChoice:
        return { ...base, type: question.type, correctOptions: [...(question.correctOptions ?? [])] };
      case QuestionType.TrueFalse:
        return { ...base, type: question.type, correctBoolean: question.correctBoolean ?? false };
      case QuestionType.Numeric:
        return {
          ...base,
          type: question.type,
          correctNumber: question.correctNumber ?? 0,
          tolerance: question.tolerance ?? 0,
        };
      case QuestionType.ShortText:
        return {
          ...base,
          type: question.type,
          acceptedAnswers: [...(question.acceptedAnswers ?? [])],
          caseSensitive: question.caseSensitive ?? false,
          prompt: question.prompt,
        };
      case QuestionType.Essay:
        return {
          ...base,
          type: question.type,
          prompt: question.prompt,
          rubric: question.rubric ?? null,
          reviewerGuidance: question.reviewerGuidance ?? null,
        };
    }
  });
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

const answerFieldOf: Record<QuestionType, keyof AnswerValue> = {
  [QuestionType.SingleChoice]: 'selectedOption',
  [QuestionType.MultipleChoice]: 'selectedOptions',
  [QuestionType.TrueFalse]: 'booleanValue',
  [QuestionType.Numeric]: 'numberValue',
  [QuestionType.ShortText]: 'text',
  [QuestionType.Essay]: 'text',
};

const typeNames: Record<QuestionType, string> = {
  [QuestionType.SingleChoice]: 'a single-choice question',
  [QuestionType.MultipleChoice]: 'a multiple-choice question',
  [QuestionType.TrueFalse]: 'a true/false question',
  [QuestionType.Numeric]: 'a numeric question',
  [QuestionType.ShortText]: 'a short-text question',
  [QuestionType.Essay]: 'an essay question',
};

const shortTextMaxLength = 1000;

/**
 * Checks an answer's shape against its question and returns it reduced to the one field the
 * type uses, or the problems (one line per field, as the validation pipe names them).
 */
export function checkAnswer(
  question: StoredQuestion,
  answer: AnswerValue,
): { value: AnswerValue } | { problems: string[] } {
  const field = answerFieldOf[question.type];
  const given = (Object.keys(answer) as (keyof AnswerValue)[]).filter(
    (key) => answer[key] !== undefined && answer[key] !== null,
  );
  const extra = given.filter((key) => key !== field);
  if (extra.length > 0 || !given.includes(field)) {
    return {
      problems: [
        `answer.${field}: ${typeNames[question.type]} is answered with ${field} only${extra.length ? ` (not ${extra.join(', ')})` : ''}`,
      ],
    };
  }
  const optionCount = question.options?.length ?? 0;
  const range = `must be between 0 and ${optionCount - 1}`;
  switch (question.type) {
    case QuestionType.SingleChoice:
      if ((answer.selectedOption as number) >= optionCount) return { problems: [`answer.selectedOption: ${range}`] };
      return { value: { selectedOption: answer.selectedOption } };
    case QuestionType.MultipleChoice: {
      const chosen = answer.selectedOptions as number[];
      if (chosen.some((index) => index >= optionCount)) return { problems: [`answer.selectedOptions: each ${range}`] };
      return { value: { selectedOptions: [...new Set(chosen)].sort((a, b) => a - b) } };
    }
    case QuestionType.TrueFalse:
      return { value: { booleanValue: answer.booleanValue } };
    case QuestionType.Numeric:
      return { value: { numberValue: answer.numberValue } };
    case QuestionType.ShortText: {
      const text = answer.text as string;
      if (text.length > shortTextMaxLength)
        return { problems: [`answer.text: a short answer must be at most ${shortTextMaxLength} characters`] };
      return { value: { text } };
    }
    case QuestionType.Essay: {
      const text = answer.text as string;
      if (text.length > maxAnswerTextLength)
        return { problems: [`answer.text: an essay must be at most ${maxAnswerTextLength} characters`] };
      const words = countWords(text);
      if (question.maxWords && words > question.maxWords) {
        return { problems: [`answer.text: this essay allows at most ${question.maxWords} words (it has ${words})`] };
      }
      return { value: { text } };
    }
  }
}
