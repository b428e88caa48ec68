import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue, AttemptSubmittedEvent, ScoringKeyQuestion, ScoringKeyView } from '@invigil/contracts';
import { QuestionType, ReviewState } from '@invigil/contracts';
import { isCorrect, outcomeWithReviews } from '@invigil/domain';
import { randomUUID } from 'node:crypto';
import type { Result } from './result.entity';
import { ReviewItem } from './review-item.entity';
import { ReviewMark } from './review-mark.entity';

const reviewable: readonly QuestionType[] = [QuestionType.Essay, QuestionType.ShortText];

type ItemFields = Omit<ReviewItem, 'id' | 'rubricLevels' | 'feedback' | 'reviewedBy' | 'reviewedAt'>;

/**
 * An essay awaits a reviewer; an unanswered essay has nothing to read and counts as 0 (a reviewer may
 * still mark it). A short answer keeps its automatic points until a reviewer overrides them.
 */
function itemFields(result: Result, question: ScoringKeyQuestion, number: number, answer?: AnswerValue): ItemFields {
  const text = typeof answer?.text === 'string' ? answer.text : '';
  const essay = question.type === QuestionType.Essay;
  const autoPoints = !essay && isCorrect(question, answer) ? question.points : 0;
  const awaits = essay && text.trim() !== '';
  return {
    orgId: result.orgId,
    sessionId: result.sessionId,
    resultId: result.id,
    userId: result.userId,
    questionId: question.id,
    questionNumber: number,
    questionType: question.type,
    prompt:
      (question.type === QuestionType.Essay || question.type === QuestionType.ShortText
        ? question.prompt
        : undefined) ?? `Question ${number}`,
    maxPoints: question.points,
    rubric: question.type === QuestionType.Essay ? (question.rubric ?? null) : null,
    reviewerGuidance: question.type === QuestionType.Essay ? (question.reviewerGuidance ?? null) : null,
    answerText: text,
    state: awaits ? ReviewState.NeedsReview : ReviewState.AutoScored,
    autoPoints,
    points: awaits ? null : autoPoints,
  };
}

function fieldsOfSubmission(result: Result, event: AttemptSubmittedEvent, key: ScoringKeyView): ItemFields[] {
  const given = new Map(event.answers.map((answer) => [answer.questionId, answer.answer]));
  return key.questions.flatMap((question, index) =>
    reviewable.includes(question.type) ? [itemFields(result, question, index + 1, given.get(question.id))] : [],
  );
}

/** The answers of a newly scored submission that a person may mark. */
export function createReviewItems(
  em: EntityManager,
  result: Result,
  event: AttemptSubmittedEvent,
  key: ScoringKeyView,
): ReviewItem[] {
  return fieldsOfSubmission(result, event, key).map((fields) => em.create(ReviewItem, { id: randomUUID(), ...fields }));
}

/**
 * After a re-scored submission (a reopened attempt): each answer's item is brought up to date. A mark
 * stands only if the answer's text is unchanged; a changed answer goes back to its automatic state.
 */
export async function refreshReviewItems(
  em: EntityManager,
  result: Result,
  event: AttemptSubmittedEvent,
  key: ScoringKeyView,
): Promise<ReviewItem[]> {
  const held = new Map((await em.find(ReviewItem, { resultId: result.id })).map((item) => [item.questionId, item]));
  const stale: string[] = [];
  const items = fieldsOfSubmission(result, event, key).map((fields) => {
    const item = held.get(fields.questionId);
    held.delete(fields.questionId);
    if (!item) return em.create(ReviewItem, { id: randomUUID(), ...fields });
    // Marked (or being double marked) and unchanged: the marks stand. Anything else starts over.
    const marked = item.state !== ReviewState.NeedsReview && item.state !== ReviewState.AutoScored;
    const keepMark = marked && item.answerText === fields.answerText;
    Object.assign(item, keepMark ? { ...fields, state: item.state, points: item.points } : fields);
    if (!keepMark) {
      Object.assign(item, { rubricLevels: null, feedback: null, reviewedBy: null, reviewedAt: null });
      stale.push(item.id);
    }
    return item;
  });
  for (const gone of held.values()) em.remove(gone);
  if (stale.length > 0) await em.nativeDelete(ReviewMark, { itemId: { $in: stale } });
  return items;
}

/** Puts the marks so far into the result: score, percent, what still awaits review, pass or not. */
export function applyReviews(result: Result, items: ReviewItem[]): void {
  const outcome = outcomeWithReviews(
    { score: result.autoScore, maxScore: result.maxScore },
    items,
    result.passingPercent,
  );
  Object.assign(result, outcome);
}
