import type { Rubric } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';
import {
  outcomeWithReviews,
  provisionalResultText,
  resolveMark,
  reviewPseudonym,
  rubricMaxPoints,
  rubricProblem,
} from './review';

const rubric: Rubric = {
  criteria: [
    {
      title: 'Accuracy',
      levels: [
        { label: 'Wrong', points: 0 },
        { label: 'Partly right', points: 1 },
        { label: 'Right', points: 2 },
      ],
    },
    {
      title: 'Structure',
      levels: [
        { label: 'Muddled', points: 0 },
        { label: 'Clear', points: 2 },
      ],
    },
  ],
};
const essay = { maxPoints: 4, rubric };

describe('rubrics', () => {
  it('are worth the best level of each criterion together', () => {
    expect(rubricMaxPoints(rubric)).toBe(4);
  });

  it('may not be worth more than their question, and say how to fix it', () => {
    expect(rubricProblem(rubric, 4)).toBeNull();
    expect(rubricProblem(rubric, 3)).toBe(
      "the rubric's best levels add up to 4 points, more than the question's 3; lower some levels' points or raise the question's points",
    );
  });
});

describe('resolveMark', () => {
  it('adds up the chosen levels when no points are given', () => {
    expect(resolveMark(essay, { rubricLevels: [1, 1] })).toEqual({ points: 3, rubricLevels: [1, 1] });
  });

  it('takes free points when given, keeping the levels as the reason', () => {
    expect(resolveMark(essay, { rubricLevels: [2, 0], points: 1 })).toEqual({ points: 1, rubricLevels: [2, 0] });
    expect(resolveMark({ maxPoints: 5, rubric: null }, { points: 5 })).toEqual({ points: 5, rubricLevels: null });
  });

  it('refuses a mark above the maximum or below zero', () => {
    expect(resolveMark(essay, { points: 5 })).toEqual({
      problems: ["points: a mark cannot be above the question's 4 points"],
    });
    expect(resolveMark(essay, { points: -1 })).toEqual({ problems: ['points: a mark cannot be below 0 points'] });
  });

  it('refuses a level that does not exist, naming the criterion', () => {
    expect(resolveMark(essay, { rubricLevels: [0, 5] })).toEqual({
      problems: ['rubricLevels.1: “Structure” has levels 0 to 1; there is no level 5'],
    });
    expect(resolveMark(essay, { rubricLevels: [0] })).toEqual({
      problems: ["rubricLevels: choose one level for each of the rubric's 2 criteria (1 given)"],
    });
    expect(resolveMark({ maxPoints: 2, rubric: null }, { rubricLevels: [0] })).toEqual({
      problems: ['rubricLevels: this question has no rubric; give points instead'],
    });
  });

  it('refuses an empty mark', () => {
    expect(resolveMark(essay, {})).toEqual({
      problems: ['(mark): choose a level for every rubric criterion or give points (0 to 4)'],
    });
  });
});

describe('outcomeWithReviews', () => {
  const auto = { score: 5, maxScore: 10 };
  const pending = { state: ReviewState.NeedsReview, autoPoints: 0, points: null, maxPoints: 4 };

  it('stays provisional and unpassed while an answer awaits review', () => {
    expect(outcomeWithReviews(auto, [pending], 50)).toEqual({
      score: 5,
      percent: 50,
      pendingReview: 4,
      answersAwaitingReview: 1,
      passed: false,
    });
  });

  it('adds the marks once the last review is in, and the pass mark decides', () => {
    const marked = { ...pending, state: ReviewState.Reviewed, points: 3 };
    expect(outcomeWithReviews(auto, [marked], 80)).toMatchObject({ score: 8, percent: 80, passed: true });
    expect(outcomeWithReviews(auto, [{ ...marked, points: 2 }], 80)).toMatchObject({ score: 7, passed: false });
  });

  it('replaces an overridden short answer’s automatic points with the reviewer’s', () => {
    const shortText = { state: ReviewState.Reviewed, autoPoints: 1, points: 0, maxPoints: 1 };
    const untouched = { state: ReviewState.AutoScored, autoPoints: 1, points: 1, maxPoints: 1 };
    expect(outcomeWithReviews(auto, [shortText, untouched], 50)).toMatchObject({ score: 4, percent: 40 });
  });
});

describe('wording and pseudonyms', () => {
  it('says how many answers await review', () => {
    expect(provisionalResultText(2)).toBe('provisional, 2 answers awaiting review');
    expect(provisionalResultText(1)).toBe('provisional, 1 answer awaiting review');
  });

  it('gives a candidate one stable pseudonym per session, and another in another session', () => {
    const first = reviewPseudonym('session-a', 'user-1');
    expect(first).toMatch(/^Candidate [0-9A-F]{6}$/);
    expect(reviewPseudonym('session-a', 'user-1')).toBe(first);
    expect(reviewPseudonym('session-b', 'user-1')).not.toBe(first);
    expect(reviewPseudonym('session-a', 'user-2')).not.toBe(first);
  });
});
