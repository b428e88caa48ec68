import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GetMyResultRequest, ResultView } from '@invigil/contracts';
import { certificateSummaryOf } from '../certificates/certificate-award';
import { Result } from '../results/result.entity';
import { ReviewItem } from '../results/review-item.entity';
import { candidateResultView, questionsWithReviews, sessionRelease } from './release-state';

/** A candidate's own result, as far as the session's release lets them see it (release owns that rule). */
@Injectable()
export class CandidateResultsService {
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
