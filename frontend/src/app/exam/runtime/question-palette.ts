import type { CandidateQuestionView, CandidateSectionView } from '@invigil/contracts';

export interface PaletteItem {
  questionId: string;
  /** 0-based position in the whole assessment; test ids and numbers run across sections. */
  index: number;
  answered: boolean;
  flagged: boolean;
  current: boolean;
  /** What a screen reader says for the button, e.g. "Question 3, answered, flagged". */
  label: string;
}

export interface PaletteGroup {
  sectionId: string;
  /** Empty when the assessment has no sections: the palette then shows one untitled group. */
  title: string;
  items: PaletteItem[];
}

export interface PaletteInput {
  questions: readonly CandidateQuestionView[];
  sections: readonly CandidateSectionView[];
  isAnswered: (questionId: string) => boolean;
  flagged: ReadonlySet<string>;
  currentQuestionId: string | null;
}

/** The question palette: every question by section, with whether it is answered, flagged and shown now. */
export function paletteGroups({
  questions,
  sections,
  isAnswered,
  flagged,
  currentQuestionId,
}: PaletteInput): PaletteGroup[] {
  const items = questions.map((question, index) => {
    const state = {
      answered: isAnswered(question.id),
      flagged: flagged.has(question.id),
      current: question.id === currentQuestionId,
    };
    return {
      sectionId: question.sectionId,
      item: { questionId: question.id, index, ...state, label: paletteLabel(index + 1, state) },
    };
  });
  const groups: PaletteGroup[] = sections
    .map((section) => ({
      sectionId: section.id,
      title: section.title,
      items: items.filter((i) => i.sectionId === section.id).map((i) => i.item),
    }))
    .filter((group) => group.items.length > 0);
  const known = new Set(groups.map((group) => group.sectionId));
  const rest = items.filter((i) => !known.has(i.sectionId)).map((i) => i.item);
  if (rest.length) groups.push({ sectionId: 'other', title: groups.length ? 'Other questions' : '', items: rest });
  return groups;
}

export function paletteLabel(number: number, state: { answered: boolean; flagged: boolean; current: boolean }): string {
  const parts = [`Question ${number}`, state.answered ? 'answered' : 'not answered'];
  if (state.flagged) parts.push('flagged');
  if (state.current) parts.push('current');
  return parts.join(', ');
}

/** Where the candidate resumes: the question the server remembers, else the first. */
export function resumeQuestionId(
  questions: readonly CandidateQuestionView[],
  remembered: string | null,
): string | null {
  if (remembered && questions.some((question) => question.id === remembered)) return remembered;
  return questions[0]?.id ?? null;
}

/** The previous (-1) or next (+1) question in assessment order, or null at either end. */
export function neighbourQuestionId(
  questions: readonly CandidateQuestionView[],
  currentId: string | null,
  step: -1 | 1,
): string | null {
  const index = questions.findIndex((question) => question.id === currentId);
  if (index === -1) return null;
  return questions[index + step]?.id ?? null;
}
