import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { QuestionType } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';

export class ChoiceQuestionDraft {
  @IsEnum(QuestionType, { message: `type must be one of: ${Object.values(QuestionType).join(', ')}` })
  type!: QuestionType;

  @IsString()
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(2000)
  prompt!: string;

  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each option must have text' })
  @MaxLength(500, { each: true })
  @ArrayMinSize(2, { message: 'a question needs at least 2 options' })
  @ArrayMaxSize(10, { message: 'a question may have at most 10 options' })
  options!: string[];

  /** Index into `options`; never sent to candidates. */
  @IsInt()
  @Min(0)
  correctOption!: number;

  @IsInt()
  @Min(1, { message: 'points must be at least 1' })
  @Max(100)
  points!: number;
}

/** Body of POST /api/assessments. */
export class CreateAssessmentBody {
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @IsInt()
  @Min(0)
  @Max(100, { message: 'passingPercent must be between 0 and 100' })
  passingPercent!: number;

  @ValidateNested({ each: true })
  @Type(() => ChoiceQuestionDraft)
  @ArrayMinSize(1, { message: 'an assessment needs at least one question' })
  @ArrayMaxSize(500)
  questions!: ChoiceQuestionDraft[];
}

export class CreateAssessmentRequest extends ActorScopedRequest {
  @ValidateNested()
  @Type(() => CreateAssessmentBody)
  assessment!: CreateAssessmentBody;
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

/** What the scoring service needs to mark one attempt: answer keys and points. */
export interface ScoringKeyView {
  assessmentVersionId: string;
  title: string;
  passingPercent: number;
  questions: { id: string; correctOption: number; points: number }[];
}
