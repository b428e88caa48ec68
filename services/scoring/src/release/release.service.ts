import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EntityManager as Em } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  GetReleaseRequest,
  ReleaseOutcome,
  ReleaseResultsRequest,
  ReleaseView,
  UpdateReleaseSettingsRequest,
} from '@invigil/contracts';
import { Events, ReleasePolicy } from '@invigil/contracts';
import { releaseRefusal } from '@invigil/domain';
import { Outbox, recordEvent, RpcError } from '@invigil/server-platform';
import { Result } from '../results/result.entity';
import { ReviewSettings } from '../results/review-settings.entity';
import { ReleaseMailQueue } from './release-mail-job';
import { ReleaseSettings } from './release-settings.entity';
import { releaseView, sessionRelease } from './release-state';

@Injectable()
export class ReleaseService {
  constructor(
    private readonly em: Em,
    private readonly outbox: Outbox,
    private readonly mail: ReleaseMailQueue,
  ) {}

  async get(request: GetReleaseRequest): Promise<ReleaseView> {
    return releaseView(await sessionRelease(this.em.fork(), request.orgId, request.sessionId));
  }

  /** Policy and visibility; a session already released stays released (the policy only decides when). */
  async updateSettings(request: UpdateReleaseSettingsRequest): Promise<ReleaseView> {
    return this.outbox.transaction(async (em) => {
      const settings = await lockedSettings(em, request.orgId, request.sessionId);
      Object.assign(settings, {
        policy: request.policy,
        showScore: request.score,
        showPassFail: request.passFail,
        showQuestionCorrectness: request.questionCorrectness,
        showCorrectAnswers: request.correctAnswers,
        showFeedback: request.feedback,
      });
      await em.flush();
      return releaseView(await sessionRelease(em, request.orgId, request.sessionId));
    });
  }

  /**
   * The proctor's Release: once per session, under the settings' row lock. Refused while answers await
   * review under `after_reviews`; reveals identities to reviewers; mails everyone from a job.
   */
  async release(request: ReleaseResultsRequest): Promise<ReleaseOutcome> {
    return this.outbox.transaction(async (em, _emit, afterCommit) => {
      const settings = await lockedSettings(em, request.orgId, request.sessionId);
      const state = await sessionRelease(em, request.orgId, request.sessionId);
      if (settings.releasedAt) {
        const message = `These results were released on ${settings.releasedAt.toISOString()}; nothing was sent again.`;
        return { ...releaseView(state), releasedNow: false, message };
      }
      const refusal = releaseRefusal(state, state.results);
      if (refusal) throw RpcError.conflict(refusal);
      const at = await recordRelease(em, settings, state.results, request.actorId);
      afterCommit(() => this.mail.enqueue(request.orgId, request.sessionId));
      const view = releaseView({ ...state, settings, releasedAt: at });
      const message = `Released to ${state.results} ${state.results === 1 ? 'candidate' : 'candidates'}; they are being emailed.`;
      return { ...view, releasedNow: true, message };
    });
  }
}

/**
 * Under `after_reviews`, the mark that leaves nothing of the session awaiting review releases its results
 * (by no one: the record says the system), with the same mail as the button. In the mark's transaction;
 * returns whether it released, so the caller enqueues the mail after the commit.
 */
export async function releaseIfReviewed(em: EntityManager, orgId: string, sessionId: string): Promise<boolean> {
  await em.flush();
  const state = await sessionRelease(em, orgId, sessionId);
  if (state.policy !== ReleasePolicy.AfterReviews || state.releasedAt || state.answersAwaitingReview > 0) return false;
  const settings = await lockedSettings(em, orgId, sessionId);
  if (settings.releasedAt) return false;
  await recordRelease(em, settings, state.results, null);
  return true;
}

/** Sets the release, reveals identities to reviewers and records `scoring.results.released`; returns when. */
async function recordRelease(
  em: EntityManager,
  settings: ReleaseSettings,
  results: number,
  actorId: string | null,
): Promise<Date> {
  const { orgId, sessionId } = settings;
  const at = new Date();
  Object.assign(settings, { releasedAt: at, releasedBy: actorId });
  await revealIdentities(em, orgId, sessionId, actorId, at);
  const passed = await em.count(Result, { orgId, sessionId, reopenedAt: null, passed: true });
  recordEvent(em, Events.resultsReleased, { orgId, sessionId, actorId, at: at.toISOString(), results, passed });
  return at;
}

/** The session's settings row, created with the defaults if missing, locked for this transaction. */
async function lockedSettings(em: EntityManager, orgId: string, sessionId: string): Promise<ReleaseSettings> {
  await em.execute(
    `insert into "release_settings" ("session_id", "org_id") values (?, ?) on conflict ("session_id") do nothing`,
    [sessionId, orgId],
  );
  const settings = await em.findOne(ReleaseSettings, { sessionId, orgId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!settings) throw RpcError.notFound('No session with this id in your organization.');
  return settings;
}

/** Reviewers see names once results are out; kept as it is if an admin revealed them before. */
async function revealIdentities(
  em: EntityManager,
  orgId: string,
  sessionId: string,
  actorId: string | null,
  at: Date,
): Promise<void> {
  const held = await em.findOne(ReviewSettings, { sessionId, orgId });
  if (held?.identitiesRevealedAt) return;
  const settings = held ?? em.create(ReviewSettings, { sessionId, orgId });
  Object.assign(settings, { identitiesRevealedAt: at, identitiesRevealedBy: actorId });
}
