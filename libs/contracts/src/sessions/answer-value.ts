import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Longest essay or short answer accepted, in characters. */
export const maxAnswerTextLength = 50_000;

/**
 * A candidate's answer. Exactly one field is set, the one the question's type uses:
 * single_choice → selectedOption, multiple_choice → selectedOptions, true_false → booleanValue,
 * numeric → numberValue, short_text and essay → text. The sessions service checks the match.
 */
export class AnswerValue {
  @IsOptional()
  @IsInt({ message: 'selectedOption must be the index of one option' })
  @Max(50, { message: 'selectedOption must be the index of one option' })
  @Min(0, { message: 'selectedOption must be the index of one option' })
  selectedOption?: number;

  @IsOptional()
  @IsArray({ message: 'selectedOptions must be a list of option indexes' })
  @IsInt({ each: true, message: 'selectedOptions must list option indexes' })
  @Max(50, { each: true, message: 'selectedOptions must list option indexes' })
  @Min(0, { each: true, message: 'selectedOptions must list option indexes' })
  @ArrayMaxSize(50, { message: 'selectedOptions lists too many options' })
  selectedOptions?: number[];

  @IsOptional()
  @IsBoolean({ message: 'booleanValue must be true or false' })
  booleanValue?: boolean;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'numberValue must be a number' })
  numberValue?: number;

  @IsOptional()
  @IsString({ message: 'text must be text' })
  @MaxLength(maxAnswerTextLength, { message: `text must be at most ${maxAnswerTextLength} characters` })
  text?: string;
}
