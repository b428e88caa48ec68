import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptRequest, AttemptStatus, Events, FlagQuestionRequest, NavigateAttemptRequest } from '@invigil/contracts';
import { EmitEvent, Outbox, RpcError } from '@invigil/server-platform';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { accrueQuestionTime } from './attempt-submission';
import { Attempt } from './attempt.entity';
import { countAnswers } from './answer-store';

/** Where the candidate is and what they flagged: kept on the server so any reload resumes there. */
@Injectable()
export class AttemptPositionService {
  constructor(private readonly outbox: Outbox) {}

  async navigate(request: NavigateAttemptRequest): Promise<{ currentQuestionId: string }> {
    return this.outbox.transaction(async (em) => {
      const { attempt } = await this.lockOpenAttempt(em, request, request.questionId);
      if (attempt.currentQuestionId !== request.questionId) {
        const now = new Date();
        accrueQuestionTime(attempt, now, false);
        attempt.currentQuestionId = request.questionId;
        attempt.positionSince = attempt.pausedSince ? null : now;
      }
      return { currentQuestionId: request.questionId };
    });
  }

  async flag(request: FlagQuestionRequest): Promise<{ flaggedQuestionIds: string[] }> {
    return this.outbox.transaction(async (em, emit) => {
      const { attempt, version } = await this.lockOpenAttempt(em, request, request.questionId);
      const flagged = new Set(attempt.flaggedQuestionIds);
      const changed = request.flagged ? !flagged.has(request.questionId) : flagged.has(request.questionId);
      if (request.flagged) flagged.add(request.questionId);
      else flagged.delete(request.questionId);
      // Kept in the version's question order, so the confirmation lists them as the exam does.
      attempt.flaggedQuestionIds = version.questions.map((q) => q.id).filter((id) => flagged.has(id));
      if (changed) await announceProgress(em, emit, attempt, version);
      return { flaggedQuestionIds: attempt.flaggedQuestionIds };
    });
  }

  private async lockOpenAttempt(
    em: EntityManager,
    request: AttemptRequest,
    questionId: string,
  ): Promise<{ attempt: Attempt; version: AssessmentVersion }> {
    const attempt = await em.findOne(
      Attempt,
      { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!attempt) throw RpcError.notFound('You have no attempt in this session yet. Open the assessment first.');
    if (attempt.status === AttemptStatus.Submitted)
      throw RpcError.conflict('This attempt was submitted; it can no longer change.');
    const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
    const version = await em.findOneOrFail(AssessmentVersion, { id: session.assessmentVersionId });
    if (!version.questions.some((q) => q.id === questionId)) {
      throw RpcError.invalid(
        `Question ${questionId} is not part of this assessment; reload the exam to get its questions.`,
        [`questionId: ${questionId} is not a question of this assessment`],
      );
    }
    return { attempt, version };
  }
}

async function announceProgress(
  em: EntityManager,
  emit: EmitEvent,
  attempt: Attempt,
  version: AssessmentVersion,
): Promise<void> {
  emit(Events.attemptProgressed, {
    orgId: attempt.orgId,
    sessionId: attempt.sessionId,
    attemptId: attempt.id,
    userId: attempt.userId,
    answeredCount: await countAnswers(em, attempt.id),
    totalQuestions: version.questionCount,
    flaggedCount: attempt.flaggedQuestionIds.length,
  });
}
