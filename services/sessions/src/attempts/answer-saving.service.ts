import { Injectable } from '@nestjs/common';
import { Events, SaveAnswerAck, SaveAnswerRequest } from '@invigil/contracts';
import { sessionIsFinished } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { PinnedQuestionsCache } from '../assessments/pinned-questions';
import { checkAnswer } from '../assessments/questions';
import { countAnswers, upsertAnswer } from './answer-store';
import { autoSubmitAt } from './attempt-clock';
import { lockAttemptForSaving } from './save-context';

/**
 * The hottest path of the system (every answer change of every candidate): a few plain SQL
 * statements in one transaction, no entity loading, the pinned questions from memory.
 */
@Injectable()
export class AnswerSavingService {
  constructor(
    private readonly outbox: Outbox,
    private readonly pinned: PinnedQuestionsCache,
  ) {}

  /**
   * Idempotent per (attempt, question, clientSeq). The reply leaves only after the transaction
   * commits, so an acknowledged answer is in PostgreSQL; the browser resends anything unacknowledged.
   */
  async save(request: SaveAnswerRequest): Promise<SaveAnswerAck> {
    return this.outbox.transaction(async (em, emit) => {
      const context = await lockAttemptForSaving(em, request);
      if (sessionIsFinished(context.sessionStatus)) {
        throw RpcError.conflict(`The session is ${context.sessionStatus}; answers can no longer change.`);
      }
      const { questionCount, byId } = await this.pinned.of(em, context.assessmentVersionId);
      const question = byId.get(request.questionId);
      if (!question) {
        throw RpcError.invalid(
          `Question ${request.questionId} is not part of this assessment; reload the exam to get its questions.`,
          [`questionId: ${request.questionId} is not a question of this assessment`],
        );
      }
      const checked = checkAnswer(question, request.answer);
      if ('problems' in checked)
        throw RpcError.invalid(
          `This answer does not fit the question: ${checked.problems.join('; ')}`,
          checked.problems,
        );
      const now = new Date();
      // The grace period lets saves already on their way when time ran out land; the page stops taking answers at the deadline.
      const lastSaveAt = autoSubmitAt(context.clock, context.gracePeriodSeconds);
      if (lastSaveAt && now.getTime() >= lastSaveAt.getTime())
        throw RpcError.conflict('Time is over; this answer was not saved.');
      const stored = await upsertAnswer(em, {
        attemptId: context.attemptId,
        questionId: question.id,
        value: checked.value,
        clientSeq: request.clientSeq,
        savedAt: now,
      });
      const answeredCount = await countAnswers(em, context.attemptId);
      // A stale or replayed save changed nothing, so there is no progress to announce.
      if (stored.accepted) {
        emit(Events.attemptProgressed, {
          orgId: request.orgId,
          sessionId: request.sessionId,
          attemptId: context.attemptId,
          userId: request.userId,
          answeredCount,
          totalQuestions: questionCount,
          flaggedCount: context.flaggedCount,
        });
      }
      return {
        questionId: question.id,
        clientSeq: request.clientSeq,
        storedSeq: stored.clientSeq,
        answeredCount,
        savedAt: stored.savedAt.toISOString(),
      };
    });
  }
}
