import type { FileIncidentBody, IncidentView } from '@invigil/contracts';
import { INCIDENT_CATEGORIES, IncidentCategory, IncidentSeverity } from '@invigil/contracts';
import { incidentClassificationLabel } from '@invigil/domain';

/** What the dialog holds while the proctor fills it in. */
export interface IncidentDraft {
  category: IncidentCategory;
  subCategory: string;
  severity: IncidentSeverity;
  description: string;
  actionTaken: string;
  alertIds: string[];
  snapshotIds: string[];
  messageIds: string[];
  documentAffectedUsers: boolean;
}

export function emptyDraft(): IncidentDraft {
  const [first] = INCIDENT_CATEGORIES;
  return {
    category: first?.id ?? IncidentCategory.Other,
    subCategory: first?.subCategories[0]?.id ?? 'other',
    severity: IncidentSeverity.Medium,
    description: '',
    actionTaken: '',
    alertIds: [],
    snapshotIds: [],
    messageIds: [],
    documentAffectedUsers: false,
  };
}

/** A new category starts at its first sub-category: the old one would not belong to it. */
export function withCategory(draft: IncidentDraft, category: IncidentCategory): IncidentDraft {
  const definition = INCIDENT_CATEGORIES.find((item) => item.id === category);
  return { ...draft, category, subCategory: definition?.subCategories[0]?.id ?? '' };
}

/** What keeps the dialog from filing, in the words the server would use; null: it can be filed. */
export function draftProblem(draft: IncidentDraft): string | null {
  const length = draft.description.trim().length;
  if (length < 3) return 'Describe what happened (at least 3 characters).';
  if (length > 2000) return 'The description can be at most 2000 characters.';
  if (draft.actionTaken.length > 1000) return 'The action taken can be at most 1000 characters.';
  return null;
}

export function toBody(draft: IncidentDraft, userId: string | null): FileIncidentBody {
  const body: FileIncidentBody = {
    category: draft.category,
    subCategory: draft.subCategory,
    severity: draft.severity,
    description: draft.description.trim(),
    alertIds: draft.alertIds,
    snapshotIds: draft.snapshotIds,
    messageIds: draft.messageIds,
  };
  if (draft.actionTaken.trim()) body.actionTaken = draft.actionTaken.trim();
  if (userId) body.userId = userId;
  else if (draft.documentAffectedUsers) body.documentAffectedUsers = true;
  return body;
}

/** Adds or removes one id of a checkbox list. */
export function toggled(ids: string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...ids, id])] : ids.filter((item) => item !== id);
}

export function classificationOf(incident: IncidentView): string {
  return incidentClassificationLabel(incident.category, incident.subCategory);
}

export function evidenceSummary(incident: IncidentView): string {
  const { alertIds, snapshotIds, messageIds } = incident.evidence;
  const parts = [
    [alertIds.length, 'alert'],
    [snapshotIds.length, 'snapshot'],
    [messageIds.length, 'message'],
  ] as const;
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count} ${what}${count === 1 ? '' : 's'}`);
  return named.length ? named.join(', ') : 'none';
}

export const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  [IncidentSeverity.Low]: 'Low',
  [IncidentSeverity.Medium]: 'Medium',
  [IncidentSeverity.High]: 'High',
};
