import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  GetReviewItemRequest,
  ListReviewQueueRequest,
  MarkReviewItemRequest,
  ReviewItemView,
  ReviewQueueView,
  ReviewSettingsView,
  RevealIdentitiesRequest,
  UpdateReviewSettingsRequest,
} from '@invigil/contracts';
import { Events, ReviewState } from '@invigil/contracts';
import { resolveMark } from '@invigil/domain';
import { Outbox, recordEvent, RpcError } from '@invigil/server-platform';
import { CertificateQueue } from '../certificates/certificate-queue';
import { ReleaseMailQueue } from '../release/release-mail-job';
import { releaseIfReviewed } from '../release/release.service';
import { Result } from '../results/result.entity';
import { announceResult } from '../results/result-scoring';
import { ReviewComment } from '../results/review-comment.entity';
import { ReviewItem } from '../results/review-item.entity';
import { ReviewMark } from '../results/review-mark.entity';
import { applyReviews } from '../results/review-items';
import { ReviewSettings } from '../results/review-settings.entity';
import { markItem } from './item-marking';
import { settleCertificateAfterReview } from './review-certificates';
import { countByCandidate, countByQuestion } from './review-counts';
import { ReviewIdentities, settingsView } from './review-identities';
import { toItemSummary, toItemView } from './review-views';

const AWAITING = [ReviewState.NeedsReview, ReviewState.AwaitingSecondMark, ReviewState.NeedsModeration];

/** Saved comments offered per question; enough for a marking scheme's usual remarks. */
const MAX_COMMENTS = 50;

/** The queue's answers are listed this many at a time at most (the counts always cover the whole session). */
const MAX_LISTED = 500;

const NO_SUCH_ITEM =
  "No answer with this id is in your organization's review queue. Open the session's review queue to pick one.";

@Injectable()
export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly identities: ReviewIdentities,
    private readonly certificates: CertificateQueue,
    private readonly releaseMail: ReleaseMailQueue,
  ) {}

  async queue(request: ListReviewQueueRequest): Promise<ReviewQueueView> {
    const em = this.em.fork();
    const scope = { orgId: request.orgId, sessionId: request.sessionId };
    const all = await em.find(ReviewItem, scope, {
      fields: ['questionId', 'questionNumber', 'prompt', 'state', 'resultId', 'sessionId', 'userId'],
    });
    const where: FilterQuery<ReviewItem> = { ...scope };
    // "Needs review" is everything a reviewer can still act on, double marking's steps included.
    if (request.state) where.state = request.state === ReviewState.NeedsReview ? { $in: AWAITING } : request.state;
    if (request.questionId) where.questionId = request.questionId;
    if (request.candidateKey) where.resultId = request.candidateKey;
    const items = await em.find(ReviewItem, where, {
      orderBy: { questionNumber: 'asc', id: 'asc' },
      limit: MAX_LISTED,
      exclude: ['answerText', 'rubric', 'reviewerGuidance', 'prompt'],
    });
    const settings = await this.identities.settingsOf(em, request.orgId, request.sessionId);
    const names = await this.identities.namesFor(
      request.orgId,
      settings,
      all.map((item) => item.userId),
    );
    return {
      settings: settingsView(request.sessionId, settings),
      questions: countByQuestion(all),
      candidates: countByCandidate(all, names),
      items: items.map((item) => toItemSummary(item, names)),
    };
  }

  async get(request: GetReviewItemRequest): Promise<ReviewItemView> {
    const em = this.em.fork();
    const item = await em.findOne(ReviewItem, { id: request.itemId, orgId: request.orgId });
    if (!item) throw RpcError.notFound(NO_SUCH_ITEM);
    return this.view(em, item);
  }

  /**
   * One reviewer's mark. Under the result's row lock, so two reviewers finishing a candidate's last two
   * answers at once both count; the last one in decides the result and, for a pass, awards the certificate.
   */
  async mark(request: MarkReviewItemRequest): Promise<ReviewItemView> {
    const item = await this.outbox.transaction(async (em, _emit, afterCommit) => {
      const found = await em.findOne(ReviewItem, { id: request.itemId, orgId: request.orgId });
      if (!found) throw RpcError.notFound(NO_SUCH_ITEM);
      const result = await em.findOneOrFail(Result, { id: found.resultId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (result.reopenedAt) {
        throw RpcError.conflict('This attempt was reopened: mark its answers once the candidate has submitted again.');
      }
      const mark = resolveMark(found, request);
      if ('problems' in mark)
        throw RpcError.invalid('The mark was not saved: fix what is listed and send it again.', mark.problems);
      const feedback = request.feedback?.trim() || null;
      const settings = await this.identities.settingsOf(em, found.orgId, found.sessionId);
      await markItem(em, found, { ...mark, feedback, reviewerId: request.actorId }, settings);
      if (request.saveComment && feedback) await saveComment(em, found, feedback, request.actorId);
      const percentBefore = result.percent;
      applyReviews(result, await em.find(ReviewItem, { resultId: result.id }));
      announceResult(em, result);
      const certificate = await settleCertificateAfterReview(em, result, percentBefore);
      if (certificate) afterCommit(() => this.certificates.enqueue(certificate));
      if (await releaseIfReviewed(em, found.orgId, found.sessionId)) {
        afterCommit(() => this.releaseMail.enqueue(found.orgId, found.sessionId));
      }
      return found;
    });
    return this.view(this.em.fork(), item);
  }

  async updateSettings(request: UpdateReviewSettingsRequest): Promise<ReviewSettingsView> {
    return this.outbox.transaction(async (em) => {
      const scope = { sessionId: request.sessionId, orgId: request.orgId };
      const settings = (await em.findOne(ReviewSettings, scope)) ?? em.create(ReviewSettings, scope);
      settings.doubleMarking = request.doubleMarking;
      settings.moderationThresholdPercent = request.moderationThresholdPercent;
      return settingsView(request.sessionId, settings);
    });
  }

  /** Reviewers of the session see names from now on; recorded once, with who did it. */
  async reveal(request: RevealIdentitiesRequest): Promise<ReviewSettingsView> {
    return this.outbox.transaction(async (em) => {
      const held = await em.findOne(ReviewSettings, { sessionId: request.sessionId, orgId: request.orgId });
      if (held?.identitiesRevealedAt) return settingsView(request.sessionId, held);
      const settings = held ?? em.create(ReviewSettings, { sessionId: request.sessionId, orgId: request.orgId });
      const at = new Date();
      Object.assign(settings, { identitiesRevealedAt: at, identitiesRevealedBy: request.actorId });
      recordEvent(em, Events.reviewIdentitiesRevealed, {
        orgId: request.orgId,
        sessionId: request.sessionId,
        actorId: request.actorId,
        at: at.toISOString(),
      });
      return settingsView(request.sessionId, settings);
    });
  }

  private async view(em: EntityManager, item: ReviewItem): Promise<ReviewItemView> {
    const settings = await this.identities.settingsOf(em, item.orgId, item.sessionId);
    const names = await this.identities.namesFor(item.orgId, settings, [item.userId]);
    const comments = await em.find(
      ReviewComment,
      { orgId: item.orgId, questionId: item.questionId },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_COMMENTS, fields: ['text'] },
    );
    // While the second mark is awaited it is given blind: no mark is shown to anyone.
    const marks =
      item.state === ReviewState.AwaitingSecondMark
        ? []
        : await em.find(ReviewMark, { itemId: item.id }, { orderBy: { markedAt: 'asc' } });
    return toItemView(item, names, await this.nextItemId(em, item), {
      savedComments: comments.map((comment) => comment.text),
      marks,
    });
  }

  /** The next answer awaiting review: another answer to the same question first, then the following questions. */
  private async nextItemId(em: EntityManager, item: ReviewItem): Promise<string | null> {
    const scope = {
      orgId: item.orgId,
      sessionId: item.sessionId,
      state: ReviewState.NeedsReview,
      id: { $ne: item.id },
    };
    const next =
      (await em.findOne(
        ReviewItem,
        { ...scope, questionId: item.questionId },
        { fields: ['id'], orderBy: { id: 'asc' } },
      )) ?? (await em.findOne(ReviewItem, scope, { fields: ['id'], orderBy: { questionNumber: 'asc', id: 'asc' } }));
    return next?.id ?? null;
  }
}

/** Saved once per question and text: saving the same comment again changes nothing. */
async function saveComment(em: EntityManager, item: ReviewItem, text: string, actorId: string): Promise<void> {
  await em.execute(
    `insert into "review_comment" ("id", "org_id", "question_id", "text", "created_by", "created_at")
     values (?, ?, ?, ?, ?, now()) on conflict do nothing`,
    [randomUUID(), item.orgId, item.questionId, text, actorId],
  );
}
