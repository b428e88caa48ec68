import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptSubmittedEvent } from '@invigil/contracts';
import { AttemptStatus, Events } from '@invigil/contracts';
import { intervalMs, resumedClock } from '@invigil/domain';
import type { EmitEvent } from '@invigil/server-platform';
import type { ProctoredSession } from '../sessions/proctored-session.entity';
import { Answer } from './answer.entity';
import type { Attempt } from './attempt.entity';

/**
 * Submits an attempt whose row the caller holds locked, in the caller's transaction: the event
 * carries every answer committed before it, and a later save finds the attempt submitted.
 * Returns false when it was already submitted (submitting is idempotent).
 */
export async function submitLocked(
  em: EntityManager,
  emit: EmitEvent,
  attempt: Attempt,
  session: ProctoredSession,
  automatic: boolean,
  now: Date,
  endedBy?: AttemptSubmittedEvent['endedBy'],
): Promise<boolean> {
  if (attempt.status === AttemptStatus.Submitted) return false;
  closeOpenIntervals(attempt, now);
  attempt.status = AttemptStatus.Submitted;
  attempt.submittedAt = now;
  attempt.autoSubmitted = automatic;
  const answers = await em.find(Answer, { attemptId: attempt.id }, { orderBy: { questionId: 'asc' } });
  emit(Events.attemptSubmitted, {
    orgId: attempt.orgId,
    sessionId: attempt.sessionId,
    attemptId: attempt.id,
    userId: attempt.userId,
    assessmentVersionId: session.assessmentVersionId,
    submittedAt: now.toISOString(),
    answers: answers.map((answer) => ({ questionId: answer.questionId, answer: answer.value })),
    ...(automatic ? { automatic: true } : {}),
    ...(endedBy ? { endedBy } : {}),
  });
  return true;
}

/** A submitted attempt keeps final figures: no pause or disconnection runs on after it. */
function closeOpenIntervals(attempt: Attempt, now: Date): void {
  Object.assign(attempt, resumedClock({ pausedMs: Number(attempt.pausedMs), pausedSince: attempt.pausedSince }, now));
  if (attempt.disconnectedSince) {
    attempt.disconnectedMs = Number(attempt.disconnectedMs) + intervalMs(attempt.disconnectedSince, now);
    attempt.disconnectedSince = null;
  }
  accrueQuestionTime(attempt, now, false);
}

/**
 * Adds the time since `positionSince` to the current question and restarts counting from `now`,
 * or stops counting (`running` false: paused or submitted). Per question, so a report can sum any
 * grouping; per section is the sum over the section's questions.
 */
export function accrueQuestionTime(attempt: Attempt, now: Date, running: boolean): void {
  if (attempt.currentQuestionId && attempt.positionSince) {
    const spent = intervalMs(attempt.positionSince, now);
    const id = attempt.currentQuestionId;
    attempt.questionTimesMs = { ...attempt.questionTimesMs, [id]: (attempt.questionTimesMs[id] ?? 0) + spent };
  }
  attempt.positionSince = running && attempt.currentQuestionId ? now : null;
}
