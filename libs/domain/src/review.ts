import type { Rubric } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';

/** What a rubric is worth at most: the best level of every criterion, added up. */
export function rubricMaxPoints(rubric: Rubric): number {
  return rubric.criteria.reduce((sum, criterion) => sum + Math.max(0, ...criterion.levels.map((l) => l.points)), 0);
}

/** Null when the rubric fits its question; otherwise what is wrong and how to fix it. */
export function rubricProblem(rubric: Rubric, questionPoints: number): string | null {
  const best = rubricMaxPoints(rubric);
  if (best <= questionPoints) return null;
  return (
    `the rubric's best levels add up to ${best} points, more than the question's ${questionPoints}; ` +
    `lower some levels' points or raise the question's points`
  );
}

/** What a reviewer sends: chosen levels (one per criterion, by index) and/or points. */
export interface MarkInput {
  rubricLevels?: number[] | null;
  points?: number | null;
}

export interface MarkTarget {
  maxPoints: number;
  rubric: Rubric | null;
}

export type ResolvedMark = { points: number; rubricLevels: number[] | null } | { problems: string[] };

function levelProblems(rubric: Rubric | null, levels: number[]): string[] {
  if (!rubric) return ['rubricLevels: this question has no rubric; give points instead'];
  const count = rubric.criteria.length;
  if (levels.length !== count) {
    return [`rubricLevels: choose one level for each of the rubric's ${count} criteria (${levels.length} given)`];
  }
  return rubric.criteria.flatMap((criterion, index) => {
    const chosen = levels[index] ?? -1;
    if (Number.isInteger(chosen) && chosen >= 0 && chosen < criterion.levels.length) return [];
    return [
      `rubricLevels.${index}: “${criterion.title}” has levels 0 to ${criterion.levels.length - 1}; there is no level ${chosen}`,
    ];
  });
}

function pointsProblem(points: number, maxPoints: number, from: string): string | null {
  if (!Number.isInteger(points)) return `${from}: a mark must be a whole number of points`;
  if (points < 0) return `${from}: a mark cannot be below 0 points`;
  if (points > maxPoints) return `${from}: a mark cannot be above the question's ${maxPoints} points`;
  return null;
}

/**
 * The mark a reviewer gives: free points when given (the rubric levels, if also chosen, are kept as the
 * reason), otherwise the chosen levels' points added up. Everything wrong is listed, nothing is guessed.
 */
export function resolveMark(target: MarkTarget, mark: MarkInput): ResolvedMark {
  const levels = mark.rubricLevels ?? null;
  const hasPoints = mark.points !== undefined && mark.points !== null;
  if (!levels && !hasPoints) {
    const how = target.rubric ? 'choose a level for every rubric criterion or give points' : 'give points';
    return { problems: [`(mark): ${how} (0 to ${target.maxPoints})`] };
  }
  const problems = levels ? levelProblems(target.rubric, levels) : [];
  if (problems.length > 0) return { problems };
  const fromLevels =
    levels && target.rubric
      ? target.rubric.criteria.reduce(
          (sum, criterion, index) => sum + (criterion.levels[levels[index] ?? 0]?.points ?? 0),
          0,
        )
      : 0;
  const points = hasPoints ? (mark.points as number) : fromLevels;
  const problem = pointsProblem(points, target.maxPoints, hasPoints ? 'points' : 'rubricLevels');
  return problem ? { problems: [problem] } : { points, rubricLevels: levels };
}

/** An essay not settled yet: unmarked, waiting for its second mark, or for a moderator. */
export function awaitsReview(state: ReviewState): boolean {
  return (
    state === ReviewState.NeedsReview ||
    state === ReviewState.AwaitingSecondMark ||
    state === ReviewState.NeedsModeration
  );
}

/** One answer under review, as the result's score sees it. */
export interface ReviewedAnswer {
  state: ReviewState;
  /** The automatic points already in the result's automatic score (0 for an essay). */
  autoPoints: number;
  /** The reviewer's mark; null until reviewed. */
  points: number | null;
  maxPoints: number;
}

export interface OutcomeWithReviews {
  score: number;
  percent: number;
  /** Points of answers still awaiting a reviewer. */
  pendingReview: number;
  answersAwaitingReview: number;
  passed: boolean;
}

/**
 * A result's score once reviewers have marked some answers: the automatic score, with each reviewed
 * answer's mark in place of its automatic points. While any answer awaits review the result is
 * provisional and not passed; once the last is in, the pass mark decides.
 */
export function outcomeWithReviews(
  auto: { score: number; maxScore: number },
  answers: ReviewedAnswer[],
  passingPercent: number,
): OutcomeWithReviews {
  let score = auto.score;
  let pendingReview = 0;
  let answersAwaitingReview = 0;
  for (const answer of answers) {
    if (answer.state === ReviewState.Reviewed) score += (answer.points ?? 0) - answer.autoPoints;
    if (awaitsReview(answer.state)) {
      pendingReview += answer.maxPoints;
      answersAwaitingReview += 1;
    }
  }
  const percent = auto.maxScore === 0 ? 0 : Math.round((score / auto.maxScore) * 1000) / 10;
  return {
    score,
    percent,
    pendingReview,
    answersAwaitingReview,
    passed: answersAwaitingReview === 0 && percent >= passingPercent,
  };
}

/** "provisional, 2 answers awaiting review": said the same way wherever a provisional result is shown. */
export function provisionalResultText(answersAwaitingReview: number): string {
  const answers = answersAwaitingReview === 1 ? '1 answer' : `${answersAwaitingReview} answers`;
  return `provisional, ${answers} awaiting review`;
}

/**
 * "Candidate 7F3A09": what reviewers call a candidate while identities are hidden. Stable for one
 * candidate in one session and different across sessions, so marks cannot be linked across sessions
 * by pseudonym. A hash (FNV-1a, 32 bits, six hex digits shown), not a secret: it hides names from view,
 * it is not meant to resist someone who holds the roster's user ids.
 */
export function reviewPseudonym(sessionId: string, userId: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${sessionId}:${userId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `Candidate ${(hash >>> 8).toString(16).toUpperCase().padStart(6, '0')}`;
}
