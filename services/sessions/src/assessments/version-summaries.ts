import type { EntityManager } from '@mikro-orm/postgresql';
import { AssessmentVersion } from './assessment-version.entity';

/** What lists show of a version, without loading its questions. */
export interface VersionSummary {
  id: string;
  title: string;
  passingPercent: number;
  questionCount: number;
}

/** Summaries of the given versions of one organization, by id. */
export async function loadVersionSummaries(
  em: EntityManager,
  orgId: string,
  versionIds: string[],
): Promise<Map<string, VersionSummary>> {
  if (versionIds.length === 0) return new Map();
  const rows = await em.find(
    AssessmentVersion,
    { id: { $in: [...new Set(versionIds)] }, orgId },
    { fields: ['id', 'title', 'passingPercent', 'questionCount'] },
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, title: row.title, passingPercent: row.passingPercent, questionCount: row.questionCount },
    ]),
  );
}
