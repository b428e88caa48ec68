import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ProctorAttemptRequest } from './attempt';

/** Surrounding blanks are not part of a reason: "   " must not pass the length check. */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST .../attempts/:userId/reopen: why the attempt is reopened and how many minutes the candidate gets. */
export class ReopenAttemptBody {
  @Transform(trimmed)
  @IsString({ message: 'reason must be text' })
  // Two rules rather than @Length: the OpenAPI body schema is derived from minLength and maxLength.
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;

  @IsInt({ message: 'minutes must be a whole number of minutes' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(600, { message: 'minutes must be at most 600' })
  minutes!: number;
}

export class ReopenAttemptRequest extends ProctorAttemptRequest {
  /** Required here (a reopening always says why; the base class leaves it optional). */
  @IsString()
  @Length(3, 500)
  override reason!: string;

  @IsInt()
  @Min(1)
  @Max(600)
  minutes!: number;
}

/** POST .../attempts/:userId/credit: the seconds of recorded disconnection to give back. */
export class CreditAttemptBody {
  @IsInt({ message: 'seconds must be a whole number of seconds' })
  @Min(1, { message: 'seconds must be at least 1' })
  seconds!: number;
}

export class CreditAttemptRequest extends ProctorAttemptRequest {
  @IsInt()
  @Min(1)
  seconds!: number;
}
