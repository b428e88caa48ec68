import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssessmentView, CreateAssessmentRequest, GetScoringKeyRequest, ListAssessmentsRequest, ScoringKeyView } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import { persistNewAssessment } from './new-assessment';
import { toScoringKeys } from './questions';
import { loadVersionSummaries, VersionSummary } from './version-summaries';

@Injectable()
export class AssessmentsService {
  constructor(private readonly em: EntityManager) {}

  async create(request: CreateAssessmentRequest): Promise<AssessmentView> {
    return this.em.fork().transactional(async (em) => {
      const { assessment, version } = persistNewAssessment(em, { orgId: request.orgId, createdBy: request.actorId, content: request.assessment });
      return toAssessmentView(assessment, version);
    });
  }

  async list(request: ListAssessmentsRequest): Promise<AssessmentView[]> {
    const em = this.em.fork();
    const assessments = await em.find(Assessment, { orgId: request.orgId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    const versions = await loadVersionSummaries(em, request.orgId, assessments.map((assessment) => assessment.currentVersionId));
    return assessments.map((assessment) => {
      const version = versions.get(assessment.currentVersionId);
      // Written in one transaction with its assessment; a miss would mean a broken database.
      if (!version) throw new Error(`Assessment ${assessment.id} points at a missing version ${assessment.currentVersionId}`);
      return toAssessmentView(assessment, version);
    });
  }

  /** For the scoring service: keys of exactly the version a session pinned. */
  async scoringKey(request: GetScoringKeyRequest): Promise<ScoringKeyView> {
    const version = await this.em.fork().findOne(AssessmentVersion, { id: request.assessmentVersionId, orgId: request.orgId });
    if (!version) throw RpcError.notFound(`No assessment version ${request.assessmentVersionId} in this organization.`);
    return {
      assessmentVersionId: version.id,
      title: version.title,
      passingPercent: version.passingPercent,
      questions: toScoringKeys(version.questions),
    };
  }
}

function toAssessmentView(assessment: Assessment, version: Pick<VersionSummary, 'passingPercent' | 'questionCount'>): AssessmentView {
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
