import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptStatus, Events, SaveAnswerAck, SaveAnswerRequest } from '@invigil/contracts';
import { Outbox, RpcError } from '@invigil/server-platform';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { checkAnswer } from '../assessments/questions';
import { FINISHED_SESSION_STATUSES, ProctoredSession } from '../sessions/proctored-session.entity';
import { countAnswers, upsertAnswer } from './answer-store';
import { autoSubmitAt } from './attempt-clock';
import { Attempt } from './attempt.entity';

@Injectable()
export class AnswerSavingService {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Idempotent per (attempt, question, clientSeq). The reply leaves only after the transaction
   * commits, so an acknowledged answer is in PostgreSQL; the browser resends anything unacknowledged.
   */
  async save(request: SaveAnswerRequest): Promise<SaveAnswerAck> {
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await lockAttemptForSaving(em, request);
      const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
      if (FINISHED_SESSION_STATUSES.includes(session.status)) {
        throw RpcError.conflict(`The session is ${session.status}; answers can no longer change.`);
      }
      const version = await em.findOneOrFail(AssessmentVersion, { id: session.assessmentVersionId });
      const question = version.questions.find((candidate) => candidate.id === request.questionId);
      if (!question) {
        throw RpcError.invalid(`Question ${request.questionId} is not part of this assessment; reload the exam to get its questions.`, [
          `questionId: ${request.questionId} is not a question of this assessment`,
        ]);
      }
      const checked = checkAnswer(question, request.answer);
      if ('problems' in checked) throw RpcError.invalid(`This answer does not fit the question: ${checked.problems.join('; ')}`, checked.problems);
      const now = new Date();
      // The grace period lets saves already on their way when time ran out land; the page stops taking answers at the deadline.
      const lastSaveAt = autoSubmitAt(attempt, session.gracePeriodSeconds);
      if (lastSaveAt && now.getTime() >= lastSaveAt.getTime()) throw RpcError.conflict('Time is over; this answer was not saved.');
      const stored = await upsertAnswer(em, { attemptId: attempt.id, questionId: question.id, value: checked.value, clientSeq: request.clientSeq, savedAt: now });
      const answeredCount = await countAnswers(em, attempt.id);
      // A stale or replayed save changed nothing, so there is no progress to announce.
      if (stored.accepted) {
        emit(Events.attemptProgressed, {
          orgId: attempt.orgId,
          sessionId: attempt.sessionId,
          attemptId: attempt.id,
          userId: attempt.userId,
          answeredCount,
          totalQuestions: version.questionCount,
          flaggedCount: attempt.flaggedQuestionIds.length,
        });
      }
      return { questionId: question.id, clientSeq: request.clientSeq, storedSeq: stored.clientSeq, answeredCount, savedAt: stored.savedAt.toISOString() };
    });
  }
}

/** A shared lock: saves run side by side, but a submit (which takes it exclusively) waits for them. */
async function lockAttemptForSaving(em: EntityManager, request: SaveAnswerRequest): Promise<Attempt> {
  const attempt = await em.findOne(
    Attempt,
    { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
    { lockMode: LockMode.PESSIMISTIC_READ },
  );
  if (!attempt) throw RpcError.notFound('You have no attempt in this session yet. Open the assessment before answering.');
  if (attempt.status === AttemptStatus.Submitted) throw RpcError.conflict('This attempt was submitted; answers can no longer change.');
  if (request.viewId && attempt.liveViewId && request.viewId !== attempt.liveViewId) {
    throw RpcError.conflict('This exam continues in another window or device; this one can no longer save answers.');
  }
  return attempt;
}
