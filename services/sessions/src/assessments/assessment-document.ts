import type { AssessmentDocument } from '@invigil/contracts';
import {
  assessmentFormatName,
  assessmentFormatVersion,
  CreateAssessmentBody,
  describeValidationErrors,
} from '@invigil/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { AssessmentVersion } from './assessment-version.entity';
import { answerKeyProblems, sectionsOf, toSectionDrafts } from './questions';

/** The export of one version, in the format of docs/assessment-format.md. */
export function toAssessmentDocument(version: AssessmentVersion): AssessmentDocument {
  return {
    format: assessmentFormatName,
    formatVersion: assessmentFormatVersion,
    title: version.title,
    ...(version.description ? { description: version.description } : {}),
    passingPercent: version.passingPercent,
    sections: toSectionDrafts(sectionsOf(version), version.questions),
  };
}

/**
 * Validates an imported document completely and lists every problem by its path inside the
 * document (e.g. "sections.0.questions.2.tolerance: must be zero or more"); nothing is partial.
 */
export function parseAssessmentDocument(document: unknown): { content: CreateAssessmentBody } | { problems: string[] } {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { problems: ['(document): must be a JSON object in the invigil.assessment format'] };
  }
  const { format, formatVersion, ...body } = document as Record<string, unknown>;
  const problems: string[] = [];
  if (format !== assessmentFormatName) problems.push(`format: must be "${assessmentFormatName}"`);
  if (formatVersion !== assessmentFormatVersion) problems.push(`formatVersion: must be ${assessmentFormatVersion}`);
  const content = plainToInstance(CreateAssessmentBody, body);
  const errors = validateSync(content, { whitelist: true, forbidNonWhitelisted: true });
  problems.push(...describeValidationErrors(errors));
  if (errors.length === 0) problems.push(...answerKeyProblems(content.sections, 'sections'));
  return problems.length > 0 ? { problems } : { content };
}
