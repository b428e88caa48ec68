import { EntityManager } from '@mikro-orm/postgresql';
import { AttemptStatus, AttemptView } from '@invigil/contracts';
import { remainingSeconds } from '@invigil/domain';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { sectionsOf, toCandidateQuestions, toCandidateSections } from '../assessments/questions';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { Answer } from './answer.entity';
import { attemptClock } from './attempt-clock';
import { Attempt } from './attempt.entity';

/** What the candidate's exam view needs to resume at the last saved point: never an answer key. */
export async function buildAttemptView(em: EntityManager, attempt: Attempt, session: ProctoredSession, now = new Date()): Promise<AttemptView> {
  const version = await em.findOneOrFail(AssessmentVersion, { id: session.assessmentVersionId });
  const answers = await em.find(Answer, { attemptId: attempt.id }, { orderBy: { savedAt: 'asc', questionId: 'asc' } });
  const submitted = attempt.status === AttemptStatus.Submitted;
  return {
    id: attempt.id,
    sessionId: session.id,
    sessionName: session.name,
    status: attempt.status,
    sections: toCandidateSections(sectionsOf(version)),
    questions: toCandidateQuestions(version.questions, sectionsOf(version)),
    answers: answers.map((answer) => ({ questionId: answer.questionId, answer: answer.value, clientSeq: answer.clientSeq })),
    answeredCount: answers.length,
    remainingSeconds: submitted ? 0 : remainingSeconds(attemptClock(attempt, session, now)),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
  };
}
