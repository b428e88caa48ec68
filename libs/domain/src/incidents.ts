import type { IncidentCategory, IncidentCategoryDefinition } from '@invigil/contracts';
import { INCIDENT_CATEGORIES } from '@invigil/contracts';

export function incidentCategory(category: IncidentCategory): IncidentCategoryDefinition | undefined {
  return INCIDENT_CATEGORIES.find((definition) => definition.id === category);
}

/**
 * Why a category / sub-category pair cannot be filed, naming the accepted values; null when it can.
 * The DTO checks the category alone; the pair is checked here because a sub-category only means
 * something inside its category.
 */
export function incidentClassificationProblem(category: string, subCategory: string): string | null {
  const definition = INCIDENT_CATEGORIES.find((item) => item.id === category);
  if (!definition) {
    return `Unknown incident category "${category}". Choose one of: ${INCIDENT_CATEGORIES.map((item) => item.id).join(', ')}.`;
  }
  if (definition.subCategories.some((item) => item.id === subCategory)) return null;
  return `Unknown sub-category "${subCategory}" for ${definition.label}. Choose one of: ${definition.subCategories
    .map((item) => item.id)
    .join(', ')}.`;
}

export interface IncidentScope {
  userId?: string | null;
  documentAffectedUsers?: boolean;
}

/**
 * "Document affected users and progress" describes the whole session at one moment, so it belongs
 * to a session-level incident only; on a candidate's incident it would put others' progress there.
 */
export function incidentScopeProblem(scope: IncidentScope): string | null {
  if (scope.documentAffectedUsers && scope.userId) {
    return 'Documenting affected users is a session-level option: leave the candidate out, or turn the option off.';
  }
  return null;
}

/** The label of a sub-category, for lists and the record ("Examinee: Talking"). */
export function incidentClassificationLabel(category: IncidentCategory, subCategory: string): string {
  const definition = incidentCategory(category);
  const sub = definition?.subCategories.find((item) => item.id === subCategory);
  return `${definition?.label ?? category}: ${sub?.label ?? subCategory}`;
}
