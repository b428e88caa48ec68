import { scoreChoiceAnswers } from './scoring';
import { ENROLLMENT_CODE_ALPHABET, generateEnrollmentCode, normalizeEnrollmentCode } from './enrollment-code';

describe('scoreChoiceAnswers', () => {
  const questions = [
    { id: 'q1', correctOption: 1, points: 2 },
    { id: 'q2', correctOption: 0, points: 3 },
  ];

  it('awards the points of correct answers and computes the percentage', () => {
    expect(scoreChoiceAnswers(questions, [{ questionId: 'q1', selectedOption: 1 }, { questionId: 'q2', selectedOption: 2 }], 50)).toEqual({
      score: 2,
      maxScore: 5,
      percent: 40,
      passed: false,
    });
  });

  it('passes at exactly the passing percentage and ignores answers to unknown questions', () => {
    const outcome = scoreChoiceAnswers(questions, [{ questionId: 'q2', selectedOption: 0 }, { questionId: 'zz', selectedOption: 0 }], 60);
    expect(outcome).toMatchObject({ score: 3, percent: 60, passed: true });
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
