import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssessmentVersion } from './assessment-version.entity';
import { StoredQuestion } from './questions';

export interface PinnedQuestions {
  questionCount: number;
  byId: ReadonlyMap<string, StoredQuestion>;
}

/** Enough for every version running at once on one replica; the oldest entry goes first. */
const MAX_VERSIONS = 500;

/**
 * The questions of assessment versions, kept in memory: a version never changes once written
 * (an edit makes a new version), so every save of a session can check its answer without reading
 * and decoding the whole version from PostgreSQL again.
 */
@Injectable()
export class PinnedQuestionsCache {
  private readonly versions = new Map<string, PinnedQuestions>();

  async of(em: EntityManager, versionId: string): Promise<PinnedQuestions> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const version = await em.findOneOrFail(
      AssessmentVersion,
      { id: versionId },
      { fields: ['questionCount', 'questions'] },
    );
    const pinned: PinnedQuestions = {
      questionCount: version.questionCount,
      byId: new Map(version.questions.map((question) => [question.id, question])),
    };
    if (this.versions.size >= MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(versionId, pinned);
    return pinned;
  }
}
