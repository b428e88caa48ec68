import { EntityManager } from '@mikro-orm/postgresql';
import { CreateAssessmentBody } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import { answerKeyProblems, toStoredQuestions } from './questions';

export interface NewAssessment {
  /** Fixed only by the demo seed; otherwise generated. */
  id?: string;
  orgId: string;
  createdBy: string;
  content: CreateAssessmentBody;
}

/**
 * Persists (on the caller's flush) an assessment and its version 1. Refuses answer keys outside
 * their options, naming each field, in the format of the validation pipe's errors.
 */
export function persistNewAssessment(em: EntityManager, input: NewAssessment): { assessment: Assessment; version: AssessmentVersion } {
  const problems = answerKeyProblems(input.content.questions);
  if (problems.length > 0) throw RpcError.invalid(`The request is invalid: ${problems.join('; ')}`, problems);
  const now = new Date();
  const assessmentId = input.id ?? randomUUID();
  const questions = toStoredQuestions(input.content.questions, randomUUID);
  const version = em.create(AssessmentVersion, {
    id: randomUUID(),
    assessmentId,
    orgId: input.orgId,
    version: 1,
    title: input.content.title,
    passingPercent: input.content.passingPercent,
    questionCount: questions.length,
    questions,
    createdAt: now,
  });
  const assessment = em.create(Assessment, {
    id: assessmentId,
    orgId: input.orgId,
    title: input.content.title,
    createdBy: input.createdBy,
    currentVersionId: version.id,
    version: version.version,
    createdAt: now,
  });
  return { assessment, version };
}
