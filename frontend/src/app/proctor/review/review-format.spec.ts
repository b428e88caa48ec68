import { ReviewState } from '@invigil/contracts';
import { candidateLabel, pointsLabel, queueFilters, rubricTotal } from './review-format';

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
});
