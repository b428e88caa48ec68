import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AttemptProgressView, GetAttemptProgressRequest } from '@invigil/contracts';
import { intervalMs } from '@invigil/domain';
import { RpcError } from '@invigil/server-platform';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { sectionsOf, toCandidateQuestions } from '../assessments/questions';
import { findSessionOrFail } from '../sessions/find-session';
import { Answer } from './answer.entity';
import { Attempt } from './attempt.entity';

/**
 * The proctor's question-by-question view of one attempt: answered, changes (accepted saves),
 * flags and time per question and per section. Read-only; the time on the current question
 * counts up to now.
 */
@Injectable()
export class AttemptProgressService {
  constructor(private readonly em: EntityManager) {}

  async progress(request: GetAttemptProgressRequest): Promise<AttemptProgressView> {
    const em = this.em.fork();
    const session = await findSessionOrFail(em, request.orgId, request.sessionId);
    const attempt = await em.findOne(Attempt, { sessionId: session.id, userId: request.userId });
    if (!attempt)
      throw RpcError.notFound(
        `User ${request.userId} has not started this session's exam yet; there is no progress to show.`,
      );
    const version = await em.findOneOrFail(AssessmentVersion, { id: session.assessmentVersionId });
    const answers = new Map(
      (await em.find(Answer, { attemptId: attempt.id })).map((answer) => [answer.questionId, answer.changeCount]),
    );
    const sections = sectionsOf(version);
    const flagged = new Set(attempt.flaggedQuestionIds);
    const running = attempt.positionSince ? intervalMs(attempt.positionSince, new Date()) : 0;
    const questions = toCandidateQuestions(version.questions, sections).map((question, index) => {
      const current = question.id === attempt.currentQuestionId;
      const ms = (attempt.questionTimesMs[question.id] ?? 0) + (current ? running : 0);
      return {
        questionId: question.id,
        number: index + 1,
        sectionId: question.sectionId,
        answered: answers.has(question.id),
        changeCount: answers.get(question.id) ?? 0,
        flagged: flagged.has(question.id),
        secondsSpent: Math.round(ms / 1000),
        current,
      };
    });
    return {
      userId: attempt.userId,
      attemptId: attempt.id,
      questions,
      sections: sections.map((section) => {
        const own = questions.filter((question) => question.sectionId === section.id);
        return {
          sectionId: section.id,
          title: section.title,
          answered: own.filter((question) => question.answered).length,
          total: own.length,
          secondsSpent: own.reduce((sum, question) => sum + question.secondsSpent, 0),
        };
      }),
    };
  }
}
