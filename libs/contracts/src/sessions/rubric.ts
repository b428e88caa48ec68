import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** One level of a rubric criterion, e.g. "Clear and complete: 3 points". */
export class RubricLevelDraft {
  @IsString({ message: 'label must be text' })
  @MinLength(1, { message: 'label must not be empty' })
  @MaxLength(200, { message: 'label must be at most 200 characters' })
  label!: string;

  @IsInt({ message: 'points must be a whole number' })
  @Min(0, { message: 'points must be 0 or more' })
  @Max(100, { message: 'points must be at most 100' })
  points!: number;

  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(1000, { message: 'description must be at most 1000 characters' })
  description?: string;
}

/** One thing the reviewer judges, with the levels to choose from (exactly one is chosen per criterion). */
export class RubricCriterionDraft {
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @IsArray({ message: 'levels must be a list' })
  @ValidateNested({ each: true })
  @Type(() => RubricLevelDraft)
  @ArrayMinSize(2, { message: 'a criterion needs at least 2 levels to choose from' })
  @ArrayMaxSize(10, { message: 'a criterion may have at most 10 levels' })
  levels!: RubricLevelDraft[];
}

/**
 * How a reviewer marks an essay: criteria with levels. The best levels together may not be worth more
 * than the question's points (checked with the question, by the sessions service).
 */
export class RubricDraft {
  @IsArray({ message: 'criteria must be a list' })
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDraft)
  @ArrayMinSize(1, { message: 'a rubric needs at least one criterion' })
  @ArrayMaxSize(20, { message: 'a rubric may have at most 20 criteria' })
  criteria!: RubricCriterionDraft[];
}

/** A rubric as stored and shown (plain data, no validation decorators needed). */
export interface Rubric {
  criteria: { title: string; levels: { label: string; points: number; description?: string }[] }[];
}
