import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptSubmittedEvent, ScoringKeyView } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { questionOutcomes, scoreAnswers } from '@invigil/domain';
import { recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Result } from './result.entity';
import { applyReviews, createReviewItems, refreshReviewItems } from './review-items';

/**
 * Essays are not auto-scored: they become review items, their points are recorded as pending review
 * and the result is not passed (so no certificate) until a reviewer marks them. Auto-only assessments
 * pass as before.
 */
export function recordResult(em: EntityManager, event: AttemptSubmittedEvent, key: ScoringKeyView): Result {
  const auto = scoreAnswers(key.questions, event.answers, key.passingPercent);
  const result = em.create(Result, {
    id: randomUUID(),
    orgId: event.orgId,
    sessionId: event.sessionId,
    attemptId: event.attemptId,
    userId: event.userId,
    assessmentVersionId: event.assessmentVersionId,
    assessmentTitle: key.title,
    ...auto,
    autoScore: auto.score,
    passingPercent: key.passingPercent,
    questionOutcomes: questionOutcomes(key.questions, event.answers),
    scoredAt: new Date(),
    submittedAt: new Date(event.submittedAt),
  });
  applyReviews(result, createReviewItems(em, result, event, key));
  announceResult(em, result);
  return result;
}

/** The later submission of a reopened attempt is scored into the result the attempt already has. */
export async function rescoreResult(
  em: EntityManager,
  result: Result,
  event: AttemptSubmittedEvent,
  key: ScoringKeyView,
): Promise<Result> {
  const auto = scoreAnswers(key.questions, event.answers, key.passingPercent);
  Object.assign(result, auto, { autoScore: auto.score, passingPercent: key.passingPercent });
  result.questionOutcomes = questionOutcomes(key.questions, event.answers);
  applyReviews(result, await refreshReviewItems(em, result, event, key));
  result.scoredAt = new Date();
  result.submittedAt = new Date(event.submittedAt);
  result.reopenedAt = null;
  announceResult(em, result);
  return result;
}

/** Every change of a result's score is announced: the candidate's page, the dashboard and the record follow. */
export function announceResult(em: EntityManager, result: Result): void {
  recordEvent(em, Events.resultRecorded, {
    orgId: result.orgId,
    sessionId: result.sessionId,
    resultId: result.id,
    userId: result.userId,
    percent: result.percent,
    passed: result.passed,
    answersAwaitingReview: result.answersAwaitingReview,
  });
}
