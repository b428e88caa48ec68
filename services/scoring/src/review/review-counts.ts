import type { ReviewCandidateCount, ReviewQuestionCount } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';
import { awaitsReview } from '@invigil/domain';
import type { ReviewItem } from '../results/review-item.entity';
import type { RevealedNames } from './review-views';
import { candidateOf } from './review-views';

type Counted = Pick<
  ReviewItem,
  'questionId' | 'questionNumber' | 'prompt' | 'state' | 'resultId' | 'sessionId' | 'userId'
>;
type Counts = { needsReview: number; reviewed: number; autoScored: number };

const zero = (): Counts => ({ needsReview: 0, reviewed: 0, autoScored: 0 });

function count(counts: Counts, state: ReviewState): void {
  if (awaitsReview(state)) counts.needsReview += 1;
  else if (state === ReviewState.Reviewed) counts.reviewed += 1;
  else counts.autoScored += 1;
}

/** "4 ungraded answers to question 3": counts by state, per question in assessment order. */
export function countByQuestion(items: Counted[]): ReviewQuestionCount[] {
  const byQuestion = new Map<string, ReviewQuestionCount>();
  for (const item of items) {
    const row = byQuestion.get(item.questionId) ?? {
      questionId: item.questionId,
      questionNumber: item.questionNumber,
      prompt: item.prompt,
      ...zero(),
    };
    count(row, item.state);
    byQuestion.set(item.questionId, row);
  }
  return [...byQuestion.values()].sort((a, b) => a.questionNumber - b.questionNumber);
}

/** The same counts per candidate, those with most answers awaiting review first. */
export function countByCandidate(items: Counted[], names: RevealedNames): ReviewCandidateCount[] {
  const byCandidate = new Map<string, ReviewCandidateCount>();
  for (const item of items) {
    const row = byCandidate.get(item.resultId) ?? { ...candidateOf(item, names), ...zero() };
    count(row, item.state);
    byCandidate.set(item.resultId, row);
  }
  return [...byCandidate.values()].sort(
    (a, b) => b.needsReview - a.needsReview || a.pseudonym.localeCompare(b.pseudonym),
  );
}
