import { ReviewState } from '@invigil/contracts';
import { candidateLabel, pointsLabel, queueFilters, rubricTotal, savedMarkText } from './review-format';

describe('review format', () => {
  it('shows the pseudonym alone until identities are revealed', () => {
    const candidate = { candidateKey: 'k', pseudonym: 'Candidate 7F3A09', displayName: null };
    expect(candidateLabel(candidate)).toBe('Candidate 7F3A09');
    expect(candidateLabel({ ...candidate, displayName: 'Carla' })).toBe('Carla (Candidate 7F3A09)');
  });

  it('says when an answer is not marked yet', () => {
    expect(pointsLabel(null, 4)).toBe('not marked (of 4)');
    expect(pointsLabel(3, 4)).toBe('3 of 4 points');
  });

  it('adds up the rubric once every criterion has a level', () => {
    const levels = [
      [0, 1, 2],
      [0, 2],
    ];
    expect(rubricTotal(levels, [2, null])).toBeNull();
    expect(rubricTotal(levels, [2, 1])).toBe(4);
  });

  it('keeps only known filters', () => {
    expect(queueFilters({ state: 'needs_review', questionId: 'q' })).toEqual({
      state: ReviewState.NeedsReview,
      questionId: 'q',
    });
    expect(queueFilters({ state: 'bogus' })).toEqual({});
  });

  it('says what happens next after a double mark', () => {
    expect(savedMarkText({ state: ReviewState.AwaitingSecondMark, points: null, maxPoints: 4 })).toContain('blind');
    expect(savedMarkText({ state: ReviewState.NeedsModeration, points: null, maxPoints: 4 })).toContain('moderator');
    expect(savedMarkText({ state: ReviewState.Reviewed, points: 3, maxPoints: 4 })).toBe('Saved: 3 of 4 points.');
  });
});
