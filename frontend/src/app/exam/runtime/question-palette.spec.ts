import type { CandidateQuestionView } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { neighbourQuestionId, paletteGroups, resumeQuestionId } from './question-palette';
import { at, first } from '../../../testing/items';

const q = (id: string, sectionId: string): CandidateQuestionView => ({
  id,
  sectionId,
  type: QuestionType.ShortText,
  prompt: `Prompt ${id}`,
  options: [],
  points: 1,
  maxWords: null,
});
const questions = [q('a1', 'A'), q('a2', 'A'), q('b1', 'B'), q('b2', 'B')];
const sections = [
  { id: 'A', title: 'Closed' },
  { id: 'B', title: 'Open' },
];

describe('question palette', () => {
  it('groups by section, numbering across sections, with answered, flagged and current states', () => {
    const groups = paletteGroups({
      questions,
      sections,
      isAnswered: (id) => id === 'a2' || id === 'b1',
      flagged: new Set(['b1', 'b2']),
      currentQuestionId: 'b1',
    });
    expect(groups.map((g) => [g.title, g.items.map((i) => i.label)])).toEqual([
      ['Closed', ['Question 1, not answered', 'Question 2, answered']],
      ['Open', ['Question 3, answered, flagged, current', 'Question 4, not answered, flagged']],
    ]);
    expect(first(at(groups, 1).items)).toMatchObject({
      questionId: 'b1',
      index: 2,
      answered: true,
      flagged: true,
      current: true,
    });
  });

  it('shows one untitled group when the assessment has no sections, and never drops a question', () => {
    const none = paletteGroups({
      questions,
      sections: [],
      isAnswered: () => false,
      flagged: new Set(),
      currentQuestionId: null,
    });
    expect(none.map((g) => [g.title, g.items.length])).toEqual([['', 4]]);
    const partial = paletteGroups({
      questions,
      sections: [first(sections)],
      isAnswered: () => false,
      flagged: new Set(),
      currentQuestionId: null,
    });
    expect(partial.map((g) => [g.title, g.items.length])).toEqual([
      ['Closed', 2],
      ['Other questions', 2],
    ]);
  });

  it('resumes at the remembered question, else the first', () => {
    expect(resumeQuestionId(questions, 'b2')).toBe('b2');
    expect(resumeQuestionId(questions, 'gone')).toBe('a1');
    expect(resumeQuestionId(questions, null)).toBe('a1');
    expect(resumeQuestionId([], null)).toBeNull();
  });

  it('moves to the previous and next question, stopping at the ends', () => {
    expect(neighbourQuestionId(questions, 'a2', 1)).toBe('b1');
    expect(neighbourQuestionId(questions, 'a2', -1)).toBe('a1');
    expect(neighbourQuestionId(questions, 'a1', -1)).toBeNull();
    expect(neighbourQuestionId(questions, 'b2', 1)).toBeNull();
  });
});
