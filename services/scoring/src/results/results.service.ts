import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GetMyResultRequest, ResultView } from '@invigil/contracts';
import { certificateSummaryOf } from '../certificates/certificate-award';
import { candidateResultView, questionsWithReviews, sessionRelease } from '../release/release-state';
import { Result } from './result.entity';
import { ReviewItem } from './review-item.entity';

@Injectable()
export class ResultsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Null until the submission has been scored (again, after a reopening): the candidate's page waits for the event.
   * Until the session's results are released the view carries no score (see `candidateResultView`).
   */
  async getMine(request: GetMyResultRequest): Promise<ResultView | null> {
    const em = this.em.fork();
    const result = await em.findOne(
      Result,
      { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
      { orderBy: { scoredAt: 'desc' } },
    );
    // A reopened attempt's score no longer stands; the candidate's next submission is scored in its place.
    if (!result || result.reopenedAt) return null;
    const release = await sessionRelease(em, result.orgId, result.sessionId);
    const items = await em.find(ReviewItem, { resultId: result.id });
    return candidateResultView(
      result,
      release,
      questionsWithReviews(result, items),
      await certificateSummaryOf(em, result.id),
    );
  }
}
