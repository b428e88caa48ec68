import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptSubmittedEvent, ScoringKeyView } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { scoreAnswers } from '@invigil/domain';
import { recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Result } from './result.entity';

/**
 * Essays are not auto-scored: their points are recorded as pending review and the result is not
 * passed (so no certificate) until a reviewer marks them. Auto-only assessments pass as before.
 */
export function recordResult(em: EntityManager, event: AttemptSubmittedEvent, key: ScoringKeyView): Result {
  const result = em.create(Result, {
    id: randomUUID(),
    orgId: event.orgId,
    sessionId: event.sessionId,
    attemptId: event.attemptId,
    userId: event.userId,
    assessmentVersionId: event.assessmentVersionId,
    assessmentTitle: key.title,
    ...scoreAnswers(key.questions, event.answers, key.passingPercent),
    scoredAt: new Date(),
    submittedAt: new Date(event.submittedAt),
  });
  announceResult(em, result);
  return result;
}

/** The later submission of a reopened attempt is scored into the result the attempt already has. */
export function rescoreResult(
  em: EntityManager,
  result: Result,
  event: AttemptSubmittedEvent,
  key: ScoringKeyView,
): Result {
  Object.assign(result, scoreAnswers(key.questions, event.answers, key.passingPercent));
  result.scoredAt = new Date();
  result.submittedAt = new Date(event.submittedAt);
  result.reopenedAt = null;
  announceResult(em, result);
  return result;
}

function announceResult(em: EntityManager, result: Result): void {
  recordEvent(em, Events.resultRecorded, {
    orgId: result.orgId,
    sessionId: result.sessionId,
    resultId: result.id,
    userId: result.userId,
    percent: result.percent,
    passed: result.passed,
  });
}
