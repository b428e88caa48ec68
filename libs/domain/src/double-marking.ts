/** Who gives a mark when an essay is double marked. */
export type MarkRole = 'first' | 'second' | 'moderator';

export interface GivenMark {
  role: MarkRole;
  reviewerId: string;
  points: number;
}

/**
 * Which mark a reviewer's mark is under double marking, or why they may not give one: the second mark
 * comes from another reviewer (blind: the first mark is not shown), and a moderator, who gave neither
 * mark, settles two marks that differ too much. A settled answer takes no more marks.
 */
export function nextMarkRole(
  marks: readonly GivenMark[],
  reviewerId: string,
  awaitingModeration: boolean,
): MarkRole | { refusal: string } {
  const first = marks.find((mark) => mark.role === 'first');
  const second = marks.find((mark) => mark.role === 'second');
  if (!first) return 'first';
  if (!second) {
    if (first.reviewerId === reviewerId)
      return { refusal: 'You gave this answer its first mark; another reviewer gives the second, blind.' };
    return 'second';
  }
  if (!awaitingModeration)
    return { refusal: 'This answer is double marked and settled; its marks can no longer change.' };
  if (first.reviewerId === reviewerId || second.reviewerId === reviewerId)
    return { refusal: 'You marked this answer; a reviewer who gave neither mark moderates it.' };
  return 'moderator';
}

/**
 * Two marks settle to their mean (rounded half up, as points are whole) when they differ by at most
 * `thresholdPercent` of the question's points; otherwise a moderator decides.
 */
export function settleDoubleMarks(
  first: number,
  second: number,
  maxPoints: number,
  thresholdPercent: number,
): { points: number } | 'moderate' {
  const apart = Math.abs(first - second);
  if (apart * 100 > thresholdPercent * maxPoints) return 'moderate';
  return { points: Math.floor((first + second) / 2 + 0.5) };
}
