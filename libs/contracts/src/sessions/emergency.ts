import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ActorScopedRequest } from '../scoped';

/** Surrounding blanks are not part of a reason or message: "   " must not pass the length check. */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An empty optional message is no message. */
const trimmedOrAbsent = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** POST /api/sessions/:id/pause: why the whole session stops, and what the candidates are told. */
export class PauseSessionBody {
  @Transform(trimmed)
  @IsString({ message: 'reason is required: say why the session is paused (1 to 500 characters)' })
  // Two rules rather than @Length: the OpenAPI body schema is derived from minLength and maxLength.
  @MinLength(1, { message: 'reason must not be empty: say why the session is paused' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;

  /** Shown to every candidate on the pause screen. */
  @IsOptional()
  @Transform(trimmedOrAbsent)
  @IsString({ message: 'message must be text' })
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  message?: string;
}

export class PauseSessionRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

/**
 * POST /api/sessions/:id/reschedule-live: a started or paused session moves to a new start. Every
 * attempt in progress is paused with its answers and remaining time and resumes at `startsAt`.
 */
export class RescheduleLiveBody {
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time, e.g. 2026-12-01T09:30:00Z' })
  startsAt!: string;

  @Transform(trimmed)
  @IsString({ message: 'reason is required: say why the session is rescheduled (1 to 500 characters)' })
  @MinLength(1, { message: 'reason must not be empty: say why the session is rescheduled' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;

  /** Sent to every candidate (system message and email) with the new time. */
  @IsOptional()
  @Transform(trimmedOrAbsent)
  @IsString({ message: 'message must be text' })
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  message?: string;
}

export class RescheduleLiveRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

/**
 * What the candidate's exam view shows about the whole session besides its own clock: the proctor's
 * pause message, the start a live reschedule moved to, and the end of End Session's grace.
 */
export interface SessionNoticeView {
  /** The proctor's message to candidates while the session is paused or rescheduled, else null. */
  message: string | null;
  /** The new start of a session rescheduled while running (the exam resumes then), else null. */
  resumesAt: string | null;
  /** The proctor is ending the session: every attempt still open is submitted at this instant. */
  graceEndsAt: string | null;
}
