import type { ReleaseView, ResultVisibility, SessionResultRow } from '@invigil/contracts';
import { ReleasePolicy } from '@invigil/contracts';

export const policyLabels: Record<ReleasePolicy, string> = {
  [ReleasePolicy.Immediately]: 'Immediately, as each result is scored',
  [ReleasePolicy.AfterReviews]: 'Once every answer is reviewed (default)',
  [ReleasePolicy.Manual]: 'When I press Release',
};

export const visibilityLabels: { key: keyof ResultVisibility; label: string }[] = [
  { key: 'score', label: 'Score and percentage' },
  { key: 'passFail', label: 'Passed or not passed' },
  { key: 'questionCorrectness', label: 'Which questions were right' },
  { key: 'correctAnswers', label: 'The correct answers' },
  { key: 'feedback', label: "Reviewers' feedback" },
];

/** "final", or "provisional, 2 awaiting". */
export function reviewLabel(row: SessionResultRow): string {
  return row.answersAwaitingReview === 0 ? 'Final' : `Provisional, ${row.answersAwaitingReview} awaiting`;
}

export function outcomeLabel(row: SessionResultRow): string {
  if (row.answersAwaitingReview > 0) return 'Pending';
  return row.passed ? 'Passed' : 'Not passed';
}

/** Where the release stands, in one sentence for the page. */
export function releaseStateText(release: ReleaseView): string {
  if (release.releasedAt) return `Released on ${new Date(release.releasedAt).toLocaleString()}.`;
  if (release.results === 0)
    return `No result has been scored yet. Release: ${policyLabels[release.policy].toLowerCase()}.`;
  if (release.released) return 'Candidates see their results (the release policy shows them).';
  if (release.policy === ReleasePolicy.AfterReviews) {
    const n = release.answersAwaitingReview;
    return `Held: ${n} ${n === 1 ? 'answer awaits' : 'answers await'} review; results are released when none does.`;
  }
  return 'Held: candidates see "Your result will be published by your proctor" until you release.';
}
