import type { ReviewCandidateView, ReviewItemSummary, ReviewItemView } from '@invigil/contracts';
import { reviewPseudonym } from '@invigil/domain';
import type { ReviewItem } from '../results/review-item.entity';
import type { ReviewMark } from '../results/review-mark.entity';

/** Display names by user id, known only once the session's identities are revealed. */
export type RevealedNames = ReadonlyMap<string, string> | null;

export function candidateOf(item: Pick<ReviewItem, 'sessionId' | 'userId' | 'resultId'>, names: RevealedNames) {
  const view: ReviewCandidateView = {
    candidateKey: item.resultId,
    pseudonym: reviewPseudonym(item.sessionId, item.userId),
    displayName: names?.get(item.userId) ?? null,
  };
  return view;
}

export function toItemSummary(
  item: Omit<ReviewItem, 'prompt' | 'rubric' | 'reviewerGuidance' | 'answerText'>,
  names: RevealedNames,
): ReviewItemSummary {
  return {
    id: item.id,
    questionId: item.questionId,
    questionNumber: item.questionNumber,
    state: item.state,
    points: item.points,
    maxPoints: item.maxPoints,
    candidate: candidateOf(item, names),
  };
}

export function toItemView(
  item: ReviewItem,
  names: RevealedNames,
  nextItemId: string | null,
  extra: { savedComments: string[]; marks: ReviewMark[] },
): ReviewItemView {
  return {
    ...toItemSummary(item, names),
    sessionId: item.sessionId,
    prompt: item.prompt,
    answerText: item.answerText,
    rubric: item.rubric,
    reviewerGuidance: item.reviewerGuidance,
    rubricLevels: item.rubricLevels,
    feedback: item.feedback,
    reviewedAt: item.reviewedAt?.toISOString() ?? null,
    savedComments: extra.savedComments,
    marks: extra.marks.map((mark) => ({
      role: mark.role,
      points: mark.points,
      rubricLevels: mark.rubricLevels,
      feedback: mark.feedback,
      markedAt: mark.markedAt.toISOString(),
    })),
    nextItemId,
  };
}
