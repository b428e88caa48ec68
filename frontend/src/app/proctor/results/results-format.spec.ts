import type { ReleaseView, SessionResultRow } from '@invigil/contracts';
import { ReleasePolicy } from '@invigil/contracts';
import { outcomeLabel, releaseStateText, reviewLabel } from './results-format';

const row = (over: Partial<SessionResultRow>) =>
  ({ passed: true, answersAwaitingReview: 0, ...over }) as SessionResultRow;
const release = (over: Partial<ReleaseView>) =>
  ({
    policy: ReleasePolicy.AfterReviews,
    released: false,
    releasedAt: null,
    answersAwaitingReview: 0,
    ...over,
  }) as ReleaseView;

describe('results table wording', () => {
  it('says final or provisional with how many answers await review, and pending until decided', () => {
    expect(reviewLabel(row({}))).toBe('Final');
    expect(reviewLabel(row({ answersAwaitingReview: 2 }))).toBe('Provisional, 2 awaiting');
    expect(outcomeLabel(row({ answersAwaitingReview: 1 }))).toBe('Pending');
    expect(outcomeLabel(row({ passed: false }))).toBe('Not passed');
  });

  it('says why results are held', () => {
    expect(releaseStateText(release({ answersAwaitingReview: 1, results: 1 }))).toBe(
      'Held: 1 answer awaits review; results are released when none does.',
    );
    expect(releaseStateText(release({ policy: ReleasePolicy.Manual, results: 1 }))).toMatch(/until you release/);
    expect(releaseStateText(release({ released: true, results: 2 }))).toMatch(/Candidates see their results/);
    expect(releaseStateText(release({ released: true, results: 0 }))).toBe(
      'No result has been scored yet. Release: once every answer is reviewed (default).',
    );
  });
});
