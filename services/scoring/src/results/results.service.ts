import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GetMyResultRequest, ResultView } from '@invigil/contracts';
import { certificateSummaryOf } from '../certificates/certificate-award';
import { Result } from './result.entity';

@Injectable()
export class ResultsService {
  constructor(private readonly em: EntityManager) {}

  /** Null until the submission has been scored (again, after a reopening): the candidate's page waits for the event. */
  async getMine(request: GetMyResultRequest): Promise<ResultView | null> {
    const em = this.em.fork();
    const result = await em.findOne(
      Result,
      { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
      { orderBy: { scoredAt: 'desc' } },
    );
    // A reopened attempt's score no longer stands; the candidate's next submission is scored in its place.
    if (!result || result.reopenedAt) return null;
    return {
      id: result.id,
      sessionId: result.sessionId,
      userId: result.userId,
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      passed: result.passed,
      pendingReview: result.pendingReview,
      awaitingReview: result.pendingReview > 0,
      answersAwaitingReview: result.answersAwaitingReview,
      scoredAt: result.scoredAt.toISOString(),
      certificate: await certificateSummaryOf(em, result.id),
    };
  }
}
