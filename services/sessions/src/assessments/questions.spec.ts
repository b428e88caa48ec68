import { ChoiceQuestionDraft, QuestionType } from '@invigil/contracts';
import { answerKeyProblems, StoredQuestion, toCandidateQuestions, toScoringKeys, toStoredQuestions } from './questions';

function draft(options: string[], correctOption: number): ChoiceQuestionDraft {
  return Object.assign(new ChoiceQuestionDraft(), { type: QuestionType.SingleChoice, prompt: 'Pick one', options, correctOption, points: 2 });
}

const stored: StoredQuestion = {
  id: 'q-1',
  type: QuestionType.SingleChoice,
  prompt: 'Capital of France?',
  options: ['Paris', 'Rome'],
  correctOption: 0,
  points: 3,
};

describe('answerKeyProblems', () => {
  it('accepts keys that point at an option', () => {
    expect(answerKeyProblems([draft(['a', 'b'], 0), draft(['a', 'b', 'c'], 2)])).toEqual([]);
  });

  it('names the path and the allowed range of every key outside its options', () => {
    expect(answerKeyProblems([draft(['a', 'b'], 1), draft(['a', 'b', 'c'], 3), draft(['a', 'b'], 7)])).toEqual([
      'assessment.questions.1.correctOption: must be between 0 and 2',
      'assessment.questions.2.correctOption: must be between 0 and 1',
    ]);
  });
});

describe('toStoredQuestions', () => {
  it('gives each question a fresh id and keeps only the known fields', () => {
    const withExtra = Object.assign(draft(['a', 'b'], 1), { secret: 'x' });
    let next = 0;
    const result = toStoredQuestions([withExtra, draft(['c', 'd'], 0)], () => `id-${++next}`);
    expect(result).toEqual([
      { id: 'id-1', type: QuestionType.SingleChoice, prompt: 'Pick one', options: ['a', 'b'], correctOption: 1, points: 2 },
      { id: 'id-2', type: QuestionType.SingleChoice, prompt: 'Pick one', options: ['c', 'd'], correctOption: 0, points: 2 },
    ]);
  });
});

describe('toCandidateQuestions', () => {
  it('never carries the answer key or anything beyond what a candidate sees', () => {
    const [question] = toCandidateQuestions([{ ...stored, extra: 'hidden' } as StoredQuestion]);
    expect(question).toEqual({ id: 'q-1', prompt: 'Capital of France?', options: ['Paris', 'Rome'], points: 3 });
    expect(JSON.stringify(question)).not.toContain('correctOption');
  });
});

describe('toScoringKeys', () => {
  it('keeps ids, keys and points only', () => {
    expect(toScoringKeys([stored])).toEqual([{ id: 'q-1', correctOption: 0, points: 3 }]);
  });
});
