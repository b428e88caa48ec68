import type { EntityManager } from '@mikro-orm/postgresql';
import { QuestionType, ReviewState } from '@invigil/contracts';
import { nextMarkRole, settleDoubleMarks } from '@invigil/domain';
import { RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import type { ReviewItem } from '../results/review-item.entity';
import { ReviewMark } from '../results/review-mark.entity';
import type { ReviewSettings } from '../results/review-settings.entity';

export interface GivenMark {
  points: number;
  rubricLevels: number[] | null;
  feedback: string | null;
  reviewerId: string;
}

function settle(item: ReviewItem, mark: Omit<GivenMark, 'reviewerId'>, reviewerId: string): void {
  Object.assign(item, { state: ReviewState.Reviewed, ...mark, reviewedBy: reviewerId, reviewedAt: new Date() });
}

/**
 * Puts one reviewer's mark on an answer. Single marking: the mark is the answer's mark (a later one
 * replaces it). Double marking (essays of a session that asks for it): the first mark waits, hidden,
 * for a second from another reviewer; the two settle to their mean, or go to a moderator when they are
 * further apart than the session's threshold.
 */
export async function markItem(
  em: EntityManager,
  item: ReviewItem,
  mark: GivenMark,
  settings: ReviewSettings | null,
): Promise<void> {
  const { reviewerId, ...given } = mark;
  const marks = await em.find(ReviewMark, { itemId: item.id }, { orderBy: { markedAt: 'asc' } });
  const singlyMarked = item.state === ReviewState.Reviewed && marks.length === 0;
  if (!settings?.doubleMarking || item.questionType !== QuestionType.Essay || singlyMarked) {
    settle(item, given, reviewerId);
    return;
  }
  const role = nextMarkRole(marks, reviewerId, item.state === ReviewState.NeedsModeration);
  if (typeof role !== 'string') throw RpcError.conflict(role.refusal);
  em.create(ReviewMark, { id: randomUUID(), itemId: item.id, role, reviewerId, ...given, markedAt: new Date() });
  if (role === 'first') {
    item.state = ReviewState.AwaitingSecondMark;
    return;
  }
  if (role === 'moderator') {
    settle(item, given, reviewerId);
    return;
  }
  const first = marks.find((held) => held.role === 'first');
  if (!first) throw new Error(`Answer ${item.id} has a second mark without a first`);
  const outcome = settleDoubleMarks(first.points, given.points, item.maxPoints, settings.moderationThresholdPercent);
  if (outcome === 'moderate') {
    item.state = ReviewState.NeedsModeration;
    return;
  }
  const feedback = [first.feedback, given.feedback].filter((text): text is string => Boolean(text)).join('\n\n');
  settle(item, { points: outcome.points, rubricLevels: null, feedback: feedback || null }, reviewerId);
}
