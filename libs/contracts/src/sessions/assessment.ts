import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { QuestionType } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';
import type { Rubric } from './rubric';
import { RubricDraft } from './rubric';

const choiceTypes: readonly QuestionType[] = [QuestionType.SingleChoice, QuestionType.MultipleChoice];
const isChoice = (draft: QuestionDraft) => choiceTypes.includes(draft.type);

/**
 * One question of any type. Which fields apply depends on `type`; the others are ignored and never stored:
 * - single_choice: options, correctOption
 * - multiple_choice: options, correctOptions (all-or-nothing scoring)
 * - true_false: correctBoolean
 * - numeric: correctNumber, tolerance (|answer − correctNumber| ≤ tolerance earns the points)
 * - short_text: acceptedAnswers, caseSensitive (answers are trimmed before comparing)
 * - essay: maxWords?, reviewerGuidance?, rubric? (not auto-scored: a reviewer marks it)
 * Cross-field rules (a key inside its options) are checked by the sessions service.
 */
export class QuestionDraft {
  @IsEnum(QuestionType, { message: `type must be one of: ${Object.values(QuestionType).join(', ')}` })
  type!: QuestionType;

  @IsString({ message: 'prompt must be text' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(2000, { message: 'prompt must be at most 2000 characters' })
  prompt!: string;

  @IsInt({ message: 'points must be a whole number' })
  @Min(1, { message: 'points must be at least 1' })
  @Max(100, { message: 'points must be at most 100' })
  points!: number;

  @ValidateIf(isChoice)
  @IsArray({ message: 'options must be a list of texts for a choice question' })
  @IsString({ each: true, message: 'each option must be text' })
  @MinLength(1, { each: true, message: 'each option must have text' })
  @MaxLength(500, { each: true, message: 'each option must be at most 500 characters' })
  @ArrayMinSize(2, { message: 'a choice question needs at least 2 options' })
  @ArrayMaxSize(10, { message: 'a question may have at most 10 options' })
  options?: string[];

  /** single_choice: index into `options`; never sent to candidates. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.SingleChoice)
  @IsInt({ message: 'correctOption must be the index of the correct option' })
  @Min(0, { message: 'correctOption must be the index of one option (0 or more)' })
  correctOption?: number;

  /** multiple_choice: indexes into `options`, at least one. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.MultipleChoice)
  @IsArray({ message: 'correctOptions must list the indexes of the correct options' })
  @IsInt({ each: true, message: 'each correct option must be a whole number' })
  @Min(0, { each: true, message: 'each correct option must be an index (0 or more)' })
  @ArrayMinSize(1, { message: 'mark at least one correct option' })
  correctOptions?: number[];

  /** true_false: the right answer. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.TrueFalse)
  @IsBoolean({ message: 'correctBoolean must be true or false' })
  correctBoolean?: boolean;

  /** numeric: the right value. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.Numeric)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'correctNumber must be a number' })
  correctNumber?: number;

  /** numeric: how far an answer may be from correctNumber and still count. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.Numeric)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'tolerance must be a number (0 for an exact answer)' },
  )
  @Min(0, { message: 'must be zero or more' })
  tolerance?: number;

  /** short_text: every answer that counts as right. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.ShortText)
  @IsArray({ message: 'acceptedAnswers must list the answers that count as right' })
  @IsString({ each: true, message: 'each accepted answer must be text' })
  @MaxLength(200, { each: true, message: 'each accepted answer must be at most 200 characters' })
  @MinLength(1, { each: true, message: 'each accepted answer must have text' })
  @ArrayMaxSize(20, { message: 'at most 20 accepted answers' })
  @ArrayMinSize(1, { message: 'give at least one accepted answer' })
  acceptedAnswers?: string[];

  /** short_text: whether "Paris" and "paris" differ. */
  @ValidateIf((draft: QuestionDraft) => draft.type === QuestionType.ShortText)
  @IsBoolean({ message: 'caseSensitive must be true or false' })
  caseSensitive?: boolean;

  /** essay: optional limit on the candidate's words. */
  @ValidateIf(
    (draft: QuestionDraft) =>
      draft.type === QuestionType.Essay && draft.maxWords !== undefined && draft.maxWords !== null,
  )
  @IsInt({ message: 'maxWords must be a whole number' })
  @Max(10_000, { message: 'maxWords must be at most 10000' })
  @Min(1, { message: 'maxWords must be at least 1 (or left out for no limit)' })
  maxWords?: number | null;

  /** essay: notes for the person who marks it; never sent to candidates. */
  @ValidateIf(
    (draft: QuestionDraft) =>
      draft.type === QuestionType.Essay && draft.reviewerGuidance !== undefined && draft.reviewerGuidance !== null,
  )
  @IsString({ message: 'reviewerGuidance must be text' })
  @MaxLength(5000, { message: 'reviewerGuidance must be at most 5000 characters' })
  reviewerGuidance?: string | null;

  /** essay: criteria with levels the reviewer picks from; never sent to candidates. */
  @ValidateIf(
    (draft: QuestionDraft) => draft.type === QuestionType.Essay && draft.rubric !== undefined && draft.rubric !== null,
  )
  @IsObject({ message: 'rubric must be an object with a list of criteria' })
  @ValidateNested()
  @Type(() => RubricDraft)
  rubric?: RubricDraft | null;
}

export class SectionDraft {
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @IsArray({ message: 'questions must be a list' })
  @ValidateNested({ each: true })
  @Type(() => QuestionDraft)
  @ArrayMaxSize(500, { message: 'a section may have at most 500 questions' })
  @ArrayMinSize(1, { message: 'a section needs at least one question' })
  questions!: QuestionDraft[];
}

/** Body of POST /api/assessments and PUT /api/assessments/:id (which adds a version). */
export class CreateAssessmentBody {
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string | null;

  @IsInt({ message: 'passingPercent must be a whole number' })
  @Max(100, { message: 'passingPercent must be between 0 and 100' })
  @Min(0, { message: 'passingPercent must be between 0 and 100' })
  passingPercent!: number;

  @IsArray({ message: 'sections must be a list' })
  @ValidateNested({ each: true })
  @Type(() => SectionDraft)
  @ArrayMaxSize(50, { message: 'an assessment may have at most 50 sections' })
  @ArrayMinSize(1, { message: 'an assessment needs at least one section' })
  sections!: SectionDraft[];
}

export class CreateAssessmentRequest extends ActorScopedRequest {
  @ValidateNested()
  @Type(() => CreateAssessmentBody)
  assessment!: CreateAssessmentBody;
}

/** Adds a new immutable version; sessions keep the version they pinned. */
export class UpdateAssessmentRequest extends CreateAssessmentRequest {
  @IsUUID()
  assessmentId!: string;
}

export class GetAssessmentRequest extends OrgScopedRequest {
  @IsUUID()
  assessmentId!: string;
}

/**
 * POST /api/assessments/import: the body is a document in the format of docs/assessment-format.md.
 * Validated by the service (not the pipe) so every error is listed by its path inside the document.
 */
export class ImportAssessmentRequest extends ActorScopedRequest {
  @IsOptional()
  document!: unknown;
}

export class ListAssessmentsRequest extends OrgScopedRequest {}

export class GetScoringKeyRequest extends OrgScopedRequest {
  @IsUUID()
  assessmentVersionId!: string;
}

export interface AssessmentView {
  id: string;
  orgId: string;
  title: string;
  currentVersionId: string;
  version: number;
  questionCount: number;
  passingPercent: number;
  createdAt: string;
}

/** A question as authors see it: its key included. */
export interface AuthoredQuestionView extends QuestionDraft {
  id: string;
}

export interface AuthoredSectionView {
  id: string;
  title: string;
  questions: AuthoredQuestionView[];
}

/** The current version with its answer keys: for staff only. */
export interface AssessmentDetailView extends AssessmentView {
  description: string | null;
  sections: AuthoredSectionView[];
}

export const assessmentFormatName = 'invigil.assessment';
export const assessmentFormatVersion = 1;

/** The JSON export/import format (docs/assessment-format.md): the create body plus two header fields. */
export interface AssessmentDocument extends CreateAssessmentBody {
  format: typeof assessmentFormatName;
  formatVersion: typeof assessmentFormatVersion;
}

/** The key of one question, by type. */
export type QuestionKey =
  | { type: QuestionType.SingleChoice; correctOption: number }
  | { type: QuestionType.MultipleChoice; correctOptions: number[] }
  | { type: QuestionType.TrueFalse; correctBoolean: boolean }
  | { type: QuestionType.Numeric; correctNumber: number; tolerance: number }
  | {
      type: QuestionType.ShortText;
      acceptedAnswers: string[];
      caseSensitive: boolean;
      /** What a reviewer overriding the automatic score reads (absent from older keys). */
      prompt?: string;
    }
  | {
      type: QuestionType.Essay;
      /** What the reviewer reads beside the answer (absent from keys served before manual review existed). */
      prompt?: string;
      rubric?: Rubric | null;
      reviewerGuidance?: string | null;
    };

export type ScoringKeyQuestion = { id: string; points: number } & QuestionKey;

/** What the scoring service needs to mark one attempt: answer keys and points. */
export interface ScoringKeyView {
  assessmentVersionId: string;
  title: string;
  passingPercent: number;
  questions: ScoringKeyQuestion[];
}
