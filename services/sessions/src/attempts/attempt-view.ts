import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptSummaryView, AttemptView } from '@invigil/contracts';
import { AttemptStatus, SessionStatus } from '@invigil/contracts';
import { creditableSeconds, intervalMs } from '@invigil/domain';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { sectionsOf, toCandidateQuestions, toCandidateSections } from '../assessments/questions';
import type { ProctoredSession } from '../sessions/proctored-session.entity';
import { securityOf } from '../sessions/session-view';
import { Answer } from './answer.entity';
import { attemptRemainingMs, attemptRemainingSeconds } from './attempt-clock';
import type { Attempt } from './attempt.entity';

/** What the candidate's exam view needs to resume at the last saved point: never an answer key. */
export async function buildAttemptView(
  em: EntityManager,
  attempt: Attempt,
  session: ProctoredSession,
  now = new Date(),
): Promise<AttemptView> {
  const version = await em.findOneOrFail(AssessmentVersion, { id: session.assessmentVersionId });
  const answers = await em.find(Answer, { attemptId: attempt.id }, { orderBy: { savedAt: 'asc', questionId: 'asc' } });
  const submitted = attempt.status === AttemptStatus.Submitted;
  // The Config Keys are the proctor's business; the candidate's browser already has its own.
  const { safeExamBrowserConfigKeys: _keys, ...security } = securityOf(session);
  return {
    id: attempt.id,
    sessionId: session.id,
    sessionName: session.name,
    status: attempt.status,
    sections: toCandidateSections(sectionsOf(version)),
    questions: toCandidateQuestions(version.questions, sectionsOf(version)),
    answers: answers.map((answer) => ({
      questionId: answer.questionId,
      answer: answer.value,
      clientSeq: answer.clientSeq,
    })),
    answeredCount: answers.length,
    remainingSeconds: submitted ? 0 : attemptRemainingSeconds(attempt, now),
    paused: !submitted && attempt.pausedSince !== null,
    pausedBy: submitted || !attempt.pausedSince ? null : attempt.pausedByProctor ? 'proctor' : 'session',
    timeOver: !submitted && attemptRemainingMs(attempt, now) <= 0,
    flaggedQuestionIds: attempt.flaggedQuestionIds,
    currentQuestionId: attempt.currentQuestionId,
    liveViewId: attempt.liveViewId,
    security,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    autoSubmitted: attempt.autoSubmitted,
    sessionNotice: {
      message: session.status === SessionStatus.Paused ? session.pauseMessage : null,
      resumesAt: session.resumesAt?.toISOString() ?? null,
      graceEndsAt: session.graceEndsAt?.toISOString() ?? null,
    },
  };
}

/** The proctor's line for one attempt. `connected` comes from presence, which the caller knows. */
export function toAttemptSummary(attempt: Attempt, now: Date): AttemptSummaryView {
  const submitted = attempt.status === AttemptStatus.Submitted;
  const runningDisconnection = attempt.disconnectedSince ? intervalMs(attempt.disconnectedSince, now) : 0;
  return {
    attemptId: attempt.id,
    userId: attempt.userId,
    status: attempt.status,
    paused: !submitted && attempt.pausedSince !== null,
    remainingSeconds: submitted ? 0 : attemptRemainingSeconds(attempt, now),
    extensionMinutes: Math.round(Number(attempt.extensionsMs) / 60_000),
    disconnectedSeconds: Math.round((Number(attempt.disconnectedMs) + runningDisconnection) / 1000),
    creditableSeconds: creditableSeconds(Number(attempt.disconnectedMs), Number(attempt.creditedMs)),
    startedAt: attempt.startedAt.toISOString(),
    creditedSeconds: Math.round(Number(attempt.creditedMs) / 1000),
    connected: attempt.liveViewId !== null && attempt.disconnectedSince === null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    autoSubmitted: attempt.autoSubmitted,
  };
}
