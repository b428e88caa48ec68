import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReleaseView, ResultQuestionView, ResultVisibility, ResultView } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';
import type { ReleaseState } from '@invigil/domain';
import {
  DEFAULT_RELEASE_POLICY,
  DEFAULT_VISIBILITY,
  isReleased,
  isResultReleased,
  visibleQuestions,
} from '@invigil/domain';
import type { Result } from '../results/result.entity';
import type { ReviewItem } from '../results/review-item.entity';
import { ReleaseSettings } from './release-settings.entity';

/** Where one session's release stands: its settings (null until set), and what decides `isReleased`. */
export interface SessionRelease extends ReleaseState {
  sessionId: string;
  settings: ReleaseSettings | null;
  visibility: ResultVisibility;
  results: number;
}

export function visibilityOf(settings: ReleaseSettings | null): ResultVisibility {
  if (!settings) return { ...DEFAULT_VISIBILITY };
  return {
    score: settings.showScore,
    passFail: settings.showPassFail,
    questionCorrectness: settings.showQuestionCorrectness,
    correctAnswers: settings.showCorrectAnswers,
    feedback: settings.showFeedback,
  };
}

/** The session's settings and the counts its release depends on; a reopened attempt's result does not count. */
export async function sessionRelease(em: EntityManager, orgId: string, sessionId: string): Promise<SessionRelease> {
  const settings = await em.findOne(ReleaseSettings, { sessionId, orgId });
  const [row] = await em.execute<{ results: number; awaiting: number }[]>(
    `select count(*)::int as "results", coalesce(sum("answers_awaiting_review"), 0)::int as "awaiting"
     from "result" where "org_id" = ? and "session_id" = ? and "reopened_at" is null`,
    [orgId, sessionId],
  );
  return {
    sessionId,
    settings,
    policy: settings?.policy ?? DEFAULT_RELEASE_POLICY,
    releasedAt: settings?.releasedAt ?? null,
    answersAwaitingReview: row?.awaiting ?? 0,
    results: row?.results ?? 0,
    visibility: visibilityOf(settings),
  };
}

export function releaseView(state: SessionRelease): ReleaseView {
  return {
    sessionId: state.sessionId,
    policy: state.policy,
    visibility: state.visibility,
    released: isReleased(state),
    releasedAt: state.releasedAt?.toISOString() ?? null,
    releasedBy: state.settings?.releasedBy ?? null,
    answersAwaitingReview: state.answersAwaitingReview,
    results: state.results,
  };
}

/** Each question's automatic outcome with the reviewers' marks and feedback in place (staff's full view). */
export function questionsWithReviews(result: Result, items: ReviewItem[]): ResultQuestionView[] {
  const byQuestion = new Map(items.map((item) => [item.questionId, item]));
  return (result.questionOutcomes ?? []).map((outcome) => {
    const item = byQuestion.get(outcome.questionId);
    if (!item) return outcome;
    const settled = item.state === ReviewState.Reviewed || item.state === ReviewState.AutoScored;
    const points = settled ? (item.points ?? item.autoPoints) : 0;
    return {
      ...outcome,
      points,
      correct: settled ? points === outcome.maxPoints : null,
      feedback: item.state === ReviewState.Reviewed ? item.feedback : null,
    };
  });
}

/**
 * The candidate's view of their result: nothing of the score until the session is released, then only
 * what its visibility shows. Review state and the certificate are the candidate's to know either way.
 */
export function candidateResultView(
  result: Result,
  release: SessionRelease,
  questions: ResultQuestionView[],
  certificate: ResultView['certificate'],
): ResultView {
  const released = isResultReleased(release, result.answersAwaitingReview);
  const shown = released ? release.visibility : null;
  return {
    id: result.id,
    sessionId: result.sessionId,
    userId: result.userId,
    released,
    score: shown?.score ? result.score : null,
    maxScore: shown?.score ? result.maxScore : null,
    percent: shown?.score ? result.percent : null,
    passed: shown?.passFail ? result.passed : null,
    pendingReview: result.pendingReview,
    awaitingReview: result.pendingReview > 0,
    answersAwaitingReview: result.answersAwaitingReview,
    scoredAt: result.scoredAt.toISOString(),
    certificate: released ? certificate : null,
    questions: shown ? visibleQuestions(questions, shown) : null,
  };
}
