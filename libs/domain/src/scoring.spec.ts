import type { ScoringKeyQuestion } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { isCorrect, scoreAnswers } from './scoring';
import { ENROLLMENT_CODE_ALPHABET, generateEnrollmentCode, normalizeEnrollmentCode } from './enrollment-code';

describe('scoreAnswers', () => {
  const single = { id: 'q1', type: QuestionType.SingleChoice, correctOption: 1, points: 2 } as const;
  const multi = {
    id: 'q2',
    type: QuestionType.MultipleChoice,
    correctOptions: [0, 2],
    points: 3,
  } as ScoringKeyQuestion;
  const truth = { id: 'q3', type: QuestionType.TrueFalse, correctBoolean: false, points: 1 } as const;
  const numeric = { id: 'q4', type: QuestionType.Numeric, correctNumber: 9.81, tolerance: 0.05, points: 2 } as const;
  const shortText = {
    id: 'q5',
    type: QuestionType.ShortText,
    acceptedAnswers: ['Paris'],
    caseSensitive: false,
    points: 1,
  } as ScoringKeyQuestion;
  const strictText = {
    id: 'q6',
    type: QuestionType.ShortText,
    acceptedAnswers: ['NaCl'],
    caseSensitive: true,
    points: 1,
  } as ScoringKeyQuestion;
  const essay = { id: 'q7', type: QuestionType.Essay, points: 5 } as const;
  const a = (questionId: string, answer: object) => ({ questionId, answer });

  it('awards the points of correct single-choice answers and computes the percentage', () => {
    const q2 = { id: 'q2', type: QuestionType.SingleChoice, correctOption: 0, points: 3 } as const;
    expect(scoreAnswers([single, q2], [a('q1', { selectedOption: 1 }), a('q2', { selectedOption: 2 })], 50)).toEqual({
      score: 2,
      maxScore: 5,
      percent: 40,
      pendingReview: 0,
      passed: false,
    });
  });

  it('passes at exactly the passing percentage and ignores answers to unknown questions', () => {
    const outcome = scoreAnswers([single, truth], [a('q1', { selectedOption: 1 }), a('zz', { selectedOption: 0 })], 66);
    expect(outcome).toMatchObject({ score: 2, percent: 66.7, passed: true });
  });

  it('scores multiple choice all or nothing', () => {
    expect(isCorrect(multi, { selectedOptions: [2, 0] })).toBe(true);
    expect(isCorrect(multi, { selectedOptions: [0] })).toBe(false);
    expect(isCorrect(multi, { selectedOptions: [0, 1, 2] })).toBe(false);
    expect(isCorrect(multi, { selectedOption: 0 })).toBe(false);
  });

  it('scores true/false only on a boolean', () => {
    expect(isCorrect(truth, { booleanValue: false })).toBe(true);
    expect(isCorrect(truth, { booleanValue: true })).toBe(false);
    expect(isCorrect(truth, {})).toBe(false);
  });

  it('accepts numbers within the tolerance, inclusive', () => {
    expect(isCorrect(numeric, { numberValue: 9.86 })).toBe(true);
    expect(isCorrect(numeric, { numberValue: 9.76 })).toBe(true);
    expect(isCorrect(numeric, { numberValue: 9.87 })).toBe(false);
    const exact = { id: 'x', type: QuestionType.Numeric, correctNumber: 0.3, tolerance: 0, points: 1 } as const;
    expect(isCorrect(exact, { numberValue: 0.1 + 0.2 })).toBe(true);
  });

  it('trims short text and applies the case rule', () => {
    expect(isCorrect(shortText, { text: '  paris ' })).toBe(true);
    expect(isCorrect(shortText, { text: 'Lyon' })).toBe(false);
    expect(isCorrect(strictText, { text: ' NaCl' })).toBe(true);
    expect(isCorrect(strictText, { text: 'nacl' })).toBe(false);
    expect(isCorrect(shortText, { text: '   ' })).toBe(false);
  });

  it('never auto-scores essays: their points are pending review and the attempt is not passed meanwhile', () => {
    const questions = [single, multi, truth, numeric, shortText, strictText, essay];
    const answers = [
      a('q1', { selectedOption: 1 }),
      a('q2', { selectedOptions: [0, 2] }),
      a('q3', { booleanValue: false }),
      a('q4', { numberValue: 9.8 }),
      a('q5', { text: 'PARIS' }),
      a('q6', { text: 'NaCl' }),
      a('q7', { text: 'A long essay' }),
    ];
    expect(scoreAnswers(questions, answers, 50)).toEqual({
      score: 10,
      maxScore: 15,
      percent: 66.7,
      pendingReview: 5,
      passed: false,
    });
    expect(scoreAnswers(questions.slice(0, 6), answers, 50)).toMatchObject({
      score: 10,
      maxScore: 10,
      pendingReview: 0,
      passed: true,
    });
  });
});

describe('enrollment codes', () => {
  it('generates codes only from unambiguous characters', () => {
    let i = 0;
    const code = generateEnrollmentCode(() => i++ % ENROLLMENT_CODE_ALPHABET.length, 8);
    expect(code).toHaveLength(8);
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]+$/);
  });

  it('compares codes without case, spaces or dashes', () => {
    expect(normalizeEnrollmentCode(' ab-c7 9 ')).toBe('ABC79');
  });
});
