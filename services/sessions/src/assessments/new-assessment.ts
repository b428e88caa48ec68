import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreateAssessmentBody } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import { answerKeyProblems, toStoredContent } from './questions';

export interface NewAssessment {
  /** Fixed only by the demo seed; otherwise generated. */
  id?: string;
  orgId: string;
  createdBy: string;
  content: CreateAssessmentBody;
}

/** Refuses keys outside their options, naming each field, in the format of the validation pipe's errors. */
export function assertAnswerKeys(content: CreateAssessmentBody, path = 'assessment.sections'): void {
  const problems = answerKeyProblems(content.sections, path);
  if (problems.length > 0) throw RpcError.invalid(`The request is invalid: ${problems.join('; ')}`, problems);
}

/** A new immutable version row (persisted on the caller's flush). */
export function createVersion(
  em: EntityManager,
  input: { assessmentId: string; orgId: string; version: number; content: CreateAssessmentBody; now: Date },
): AssessmentVersion {
  const { sections, questions } = toStoredContent(input.content.sections, randomUUID);
  return em.create(AssessmentVersion, {
    id: randomUUID(),
    assessmentId: input.assessmentId,
    orgId: input.orgId,
    version: input.version,
    title: input.content.title,
    description: input.content.description ?? null,
    passingPercent: input.content.passingPercent,
    questionCount: questions.length,
    sections,
    questions,
    createdAt: input.now,
  });
}

/** Persists (on the caller's flush) an assessment and its version 1. */
export function persistNewAssessment(
  em: EntityManager,
  input: NewAssessment,
  keyPath = 'assessment.sections',
): { assessment: Assessment; version: AssessmentVersion } {
  assertAnswerKeys(input.content, keyPath);
  const now = new Date();
  const assessmentId = input.id ?? randomUUID();
  const version = createVersion(em, { assessmentId, orgId: input.orgId, version: 1, content: input.content, now });
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
