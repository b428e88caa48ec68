import type { ScoringKeyQuestion } from '@invigil/contracts';
import { QuestionType, ReleasePolicy } from '@invigil/contracts';
import {
  correctAnswerText,
  DEFAULT_VISIBILITY,
  isReleased,
  isResultReleased,
  neutraliseFormula,
  questionOutcomes,
  releaseRefusal,
  visibleQuestions,
} from './release';

const state = (policy: ReleasePolicy, answersAwaitingReview = 0, releasedAt: Date | null = null) => ({
  policy,
  answersAwaitingReview,
  releasedAt,
});

describe('release: is it released?', () => {
  it('immediately: as soon as results are scored, reviews or not', () => {
    expect(isReleased(state(ReleasePolicy.Immediately, 3))).toBe(true);
  });

  it('after_reviews: held while any answer awaits review, released when none does', () => {
    expect(isReleased(state(ReleasePolicy.AfterReviews, 1))).toBe(false);
    expect(isReleased(state(ReleasePolicy.AfterReviews, 0))).toBe(true);
  });

  it('after_reviews: a result submitted after the release waits for its own marks', () => {
    const released = state(ReleasePolicy.AfterReviews, 0, new Date());
    expect(isResultReleased(released, 1)).toBe(false);
    expect(isResultReleased(released, 0)).toBe(true);
    expect(isResultReleased(state(ReleasePolicy.Manual, 1, new Date()), 1)).toBe(true);
  });

  it('manual: held until the proctor releases, then released whatever the reviews', () => {
    expect(isReleased(state(ReleasePolicy.Manual, 0))).toBe(false);
    expect(isReleased(state(ReleasePolicy.Manual, 2, new Date()))).toBe(true);
  });
});

describe('release: may the proctor release?', () => {
  it('refuses while answers await review under after_reviews, saying how many and what to do', () => {
    expect(releaseRefusal(state(ReleasePolicy.AfterReviews, 2), 5)).toBe(
      '2 answers await review, and this session releases results after every review: mark them first, or change the release policy to manual.',
    );
  });

  it('allows a manual release with reviews pending, and refuses a session without results', () => {
    expect(releaseRefusal(state(ReleasePolicy.Manual, 2), 5)).toBeNull();
    expect(releaseRefusal(state(ReleasePolicy.Manual), 0)).toMatch(/No result of this session/);
  });
});

const key: ScoringKeyQuestion[] = [
  { id: 'q1', points: 2, type: QuestionType.SingleChoice, correctOption: 1 },
  { id: 'q2', points: 3, type: QuestionType.MultipleChoice, correctOptions: [2, 0] },
  { id: 'q3', points: 1, type: QuestionType.Numeric, correctNumber: 42, tolerance: 0.5 },
  { id: 'q4', points: 4, type: QuestionType.Essay },
];

describe('release: what is shown', () => {
  const outcomes = questionOutcomes(key, [
    { questionId: 'q1', answer: { selectedOption: 1 } },
    { questionId: 'q2', answer: { selectedOptions: [0] } },
  ]);

  it('records each question right or wrong with its key in words; essays wait for their mark', () => {
    expect(outcomes.map((o) => [o.number, o.correct, o.points, o.correctAnswer])).toEqual([
      [1, true, 2, 'B'],
      [2, false, 0, 'A, C'],
      [3, false, 0, '42 (± 0.5)'],
      [4, null, 0, null],
    ]);
    expect(correctAnswerText({ id: 'x', points: 1, type: QuestionType.TrueFalse, correctBoolean: false })).toBe(
      'false',
    );
  });

  it('by default shows no questions unless feedback is on, and then only the feedback', () => {
    const withFeedback = outcomes.map((o) => ({ ...o, feedback: o.number === 4 ? 'Well argued' : null }));
    const shown = visibleQuestions(withFeedback, DEFAULT_VISIBILITY);
    expect(shown?.[3]).toMatchObject({ feedback: 'Well argued', correct: null, correctAnswer: null });
    expect(shown?.[0]).toMatchObject({ correct: null, points: 0, correctAnswer: null });
    expect(visibleQuestions(outcomes, { ...DEFAULT_VISIBILITY, feedback: false })).toBeNull();
  });

  it('shows correctness and the key only when the matrix allows them', () => {
    const all = { score: true, passFail: true, questionCorrectness: true, correctAnswers: true, feedback: true };
    expect(visibleQuestions(outcomes, all)?.[0]).toMatchObject({ correct: true, points: 2, correctAnswer: 'B' });
    const correctnessOnly = { ...all, correctAnswers: false };
    expect(visibleQuestions(outcomes, correctnessOnly)?.[1]).toMatchObject({ correct: false, correctAnswer: null });
  });
});

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, empty text and numbers alone', () => {
    expect(neutraliseFormula('Ada Lovelace')).toBe('Ada Lovelace');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });
});
