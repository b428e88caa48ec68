import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  CreateAssessmentRequest,
  GetAssessmentRequest,
  GetScoringKeyRequest,
  ImportAssessmentRequest,
  ListAssessmentsRequest,
  ScoringKeyView,
  UpdateAssessmentRequest,
} from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { parseAssessmentDocument, toAssessmentDocument } from './assessment-document';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import { assertAnswerKeys, createVersion, persistNewAssessment } from './new-assessment';
import { sectionsOf, toAuthoredSections, toScoringKeys } from './questions';
import { loadVersionSummaries, VersionSummary } from './version-summaries';

@Injectable()
export class AssessmentsService {
  constructor(private readonly em: EntityManager) {}

  async create(request: CreateAssessmentRequest): Promise<AssessmentView> {
    return this.em.fork().transactional(async (em) => {
      const { assessment, version } = persistNewAssessment(em, {
        orgId: request.orgId,
        createdBy: request.actorId,
        content: request.assessment,
      });
      return toAssessmentView(assessment, version);
    });
  }

  /**
   * Adds a new immutable version and makes it current. Sessions keep the version they pinned, so
   * editing never changes a session already scheduled or running. The row lock numbers concurrent edits in turn.
   */
  async update(request: UpdateAssessmentRequest): Promise<AssessmentView> {
    assertAnswerKeys(request.assessment);
    return this.em.fork().transactional(async (em) => {
      const assessment = await em.findOne(
        Assessment,
        { id: request.assessmentId, orgId: request.orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!assessment) throw RpcError.notFound(`No assessment ${request.assessmentId} in this organization.`);
      const version = createVersion(em, {
        assessmentId: assessment.id,
        orgId: assessment.orgId,
        version: assessment.version + 1,
        content: request.assessment,
        now: new Date(),
      });
      assessment.currentVersionId = version.id;
      assessment.version = version.version;
      assessment.title = version.title;
      return toAssessmentView(assessment, version);
    });
  }

  /** The current version with its answer keys: for authors (the gateway lets staff only). */
  async get(request: GetAssessmentRequest): Promise<AssessmentDetailView> {
    const { assessment, version } = await this.current(request);
    return {
      ...toAssessmentView(assessment, version),
      description: version.description,
      sections: toAuthoredSections(sectionsOf(version), version.questions),
    };
  }

  async export(request: GetAssessmentRequest): Promise<AssessmentDocument> {
    return toAssessmentDocument((await this.current(request)).version);
  }

  /** Every problem is listed by its path in the document; nothing is written unless all is valid. */
  async import(request: ImportAssessmentRequest): Promise<AssessmentView> {
    const parsed = parseAssessmentDocument(request.document);
    if ('problems' in parsed)
      throw RpcError.invalid(`The file is not a valid assessment: ${parsed.problems.join('; ')}`, parsed.problems);
    return this.em.fork().transactional(async (em) => {
      const { assessment, version } = persistNewAssessment(
        em,
        { orgId: request.orgId, createdBy: request.actorId, content: parsed.content },
        'sections',
      );
      return toAssessmentView(assessment, version);
    });
  }

  async list(request: ListAssessmentsRequest): Promise<AssessmentView[]> {
    const em = this.em.fork();
    const assessments = await em.find(
      Assessment,
      { orgId: request.orgId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    const versions = await loadVersionSummaries(
      em,
      request.orgId,
      assessments.map((assessment) => assessment.currentVersionId),
    );
    return assessments.map((assessment) => {
      const version = versions.get(assessment.currentVersionId);
      // Written in one transaction with its assessment; a miss would mean a broken database.
      if (!version)
        throw new Error(`Assessment ${assessment.id} points at a missing version ${assessment.currentVersionId}`);
      return toAssessmentView(assessment, version);
    });
  }

  /** For the scoring service: keys of exactly the version a session pinned. */
  async scoringKey(request: GetScoringKeyRequest): Promise<ScoringKeyView> {
    const version = await this.em
      .fork()
      .findOne(AssessmentVersion, { id: request.assessmentVersionId, orgId: request.orgId });
    if (!version) throw RpcError.notFound(`No assessment version ${request.assessmentVersionId} in this organization.`);
    return {
      assessmentVersionId: version.id,
      title: version.title,
      passingPercent: version.passingPercent,
      questions: toScoringKeys(version.questions),
    };
  }

  private async current(
    request: GetAssessmentRequest,
  ): Promise<{ assessment: Assessment; version: AssessmentVersion }> {
    const em = this.em.fork();
    const assessment = await em.findOne(Assessment, { id: request.assessmentId, orgId: request.orgId });
    if (!assessment) throw RpcError.notFound(`No assessment ${request.assessmentId} in this organization.`);
    const version = await em.findOneOrFail(AssessmentVersion, { id: assessment.currentVersionId });
    return { assessment, version };
  }
}

function toAssessmentView(
  assessment: Assessment,
  version: Pick<VersionSummary, 'passingPercent' | 'questionCount'>,
): AssessmentView {
  return {
    id: assessment.id,
    orgId: assessment.orgId,
    title: assessment.title,
    currentVersionId: assessment.currentVersionId,
    version: assessment.version,
    questionCount: version.questionCount,
    passingPercent: version.passingPercent,
    createdAt: assessment.createdAt.toISOString(),
  };
}
