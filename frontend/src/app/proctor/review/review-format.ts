import type { ReviewCandidateView, ReviewQueueQuery } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';

export const reviewStateLabels: Record<ReviewState, string> = {
  [ReviewState.NeedsReview]: 'Needs review',
  [ReviewState.Reviewed]: 'Reviewed',
  [ReviewState.AutoScored]: 'Auto-scored',
  [ReviewState.AwaitingSecondMark]: 'Awaiting second mark',
  [ReviewState.NeedsModeration]: 'Needs moderation',
};

export const markRoleLabels: Record<'first' | 'second' | 'moderator', string> = {
  first: 'First mark',
  second: 'Second mark',
  moderator: "Moderator's mark",
};

/** The pseudonym, with the name after it once identities are revealed. */
export function candidateLabel(candidate: ReviewCandidateView): string {
  return candidate.displayName ? `${candidate.displayName} (${candidate.pseudonym})` : candidate.pseudonym;
}

/** "3 of 4 points", or "not marked" for an essay nobody has marked. */
export function pointsLabel(points: number | null, maxPoints: number): string {
  return points === null ? `not marked (of ${maxPoints})` : `${points} of ${maxPoints} points`;
}

/** What the reviewer is told once their mark is saved. */
export function savedMarkText(item: { state: ReviewState; points: number | null; maxPoints: number }): string {
  if (item.state === ReviewState.AwaitingSecondMark)
    return 'First mark saved (hidden): another reviewer gives the second, blind.';
  if (item.state === ReviewState.NeedsModeration)
    return 'Second mark saved: the marks differ by more than the session allows, so a moderator decides.';
  return `Saved: ${pointsLabel(item.points, item.maxPoints)}.`;
}

/** The points the chosen levels add up to, or null until a level is chosen for every criterion. */
export function rubricTotal(
  levelPoints: readonly (readonly number[])[],
  chosen: readonly (number | null)[],
): number | null {
  let total = 0;
  for (const [index, points] of levelPoints.entries()) {
    const level = chosen[index];
    if (level === null || level === undefined) return null;
    total += points[level] ?? 0;
  }
  return total;
}

/** The queue's filters from the page's query parameters: unknown values are dropped. */
export function queueFilters(params: Record<string, string | undefined>): ReviewQueueQuery {
  const state = Object.values(ReviewState).find((value) => value === params['state']);
  return {
    ...(state ? { state } : {}),
    ...(params['questionId'] ? { questionId: params['questionId'] } : {}),
    ...(params['candidateKey'] ? { candidateKey: params['candidateKey'] } : {}),
  };
}
