import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import type { ListSessionResultsRequest, SessionResultRow, SessionResultsView } from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { Certificate } from '../certificates/certificate.entity';
import { Result } from '../results/result.entity';
import { releaseView, sessionRelease } from './release-state';

/** The results table of one session for its staff: every candidate's standing result, with names from enrollment. */
@Injectable()
export class ResultsTable {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  async list(request: ListSessionResultsRequest): Promise<SessionResultsView> {
    const em = this.em.fork();
    const where: FilterQuery<Result> = { orgId: request.orgId, sessionId: request.sessionId, reopenedAt: null };
    if (request.outcome) where.passed = request.outcome === 'passed';
    if (request.review === 'final') where.answersAwaitingReview = 0;
    if (request.review === 'provisional') where.answersAwaitingReview = { $gt: 0 };
    const results = await em.find(Result, where, { orderBy: { submittedAt: 'asc', id: 'asc' } });
    const certificates = await em.find(
      Certificate,
      { resultId: { $in: results.map((r) => r.id) } },
      { fields: ['id', 'resultId', 'status'] },
    );
    const byResult = new Map(certificates.map((c) => [c.resultId, c]));
    const participants = await this.rpc.request(Requests.listParticipants, {
      orgId: request.orgId,
      sessionId: request.sessionId,
    });
    const byUser = new Map(participants.map((p) => [p.userId, p]));
    const rows = results.map((result): SessionResultRow => {
      const participant = byUser.get(result.userId);
      const certificate = byResult.get(result.id);
      return {
        resultId: result.id,
        userId: result.userId,
        // A candidate removed from the roster after submitting keeps their result, without a name to show.
        displayName: participant?.displayName ?? '(no longer on the roster)',
        email: participant?.email ?? '',
        score: result.score,
        maxScore: result.maxScore,
        percent: result.percent,
        passed: result.passed,
        answersAwaitingReview: result.answersAwaitingReview,
        submittedAt: result.submittedAt.toISOString(),
        certificateId: certificate?.id ?? null,
        certificateStatus: certificate?.status ?? null,
      };
    });
    return { release: releaseView(await sessionRelease(em, request.orgId, request.sessionId)), rows };
  }
}
