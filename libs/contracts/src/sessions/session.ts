import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EnrollmentMode, SessionStatus, StartMode, TimeLimitMode } from '../enums';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';
import { IsGuessResistantEnrollmentCode } from './enrollment-code-strength';

/** The server warns each candidate this many minutes before their own deadline, unless the session says otherwise. */
export const DEFAULT_TIME_WARNING_MINUTES = [10, 5, 1];
export const TIME_WARNINGS_MAX = 5;

/** Stored now; the exam runtime enforces them. */
export class SecurityOptions {
  @IsBoolean({ message: 'browserLockdown must be true or false' })
  browserLockdown!: boolean;

  @IsBoolean({ message: 'screenMonitoring must be true or false' })
  screenMonitoring!: boolean;

  @IsBoolean({ message: 'identityVerification must be true or false' })
  identityVerification!: boolean;

  /** Seconds between screen snapshots when screen monitoring is on (default 15). */
  @IsOptional()
  @IsInt({ message: 'snapshotIntervalSeconds must be a whole number of seconds' })
  @Min(5, { message: 'snapshotIntervalSeconds must be at least 5' })
  @Max(600, { message: 'snapshotIntervalSeconds must be at most 600' })
  snapshotIntervalSeconds?: number;

  /**
   * Safe Exam Browser Config Keys allowed for this session (64 hex characters each). When the list is
   * not empty every exam request must carry X-SafeExamBrowser-ConfigKeyHash = SHA-256(URL ‖ key).
   */
  @IsOptional()
  @IsArray({ message: 'safeExamBrowserConfigKeys must be a list of Config Keys' })
  @ArrayMaxSize(20, { message: 'at most 20 Safe Exam Browser Config Keys' })
  @Matches(/^[0-9a-fA-F]{64}$/, {
    each: true,
    message: 'each Safe Exam Browser Config Key must be 64 hexadecimal characters',
  })
  safeExamBrowserConfigKeys?: string[];
}

/**
 * Every field of the guide's "New Session" form. Body of POST /api/sessions and, with the same
 * rules, of PUT /api/sessions/:id (editing or rescheduling before it starts).
 */
export class SessionSettingsBody {
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @IsUUID('4', { message: 'assessmentId must be the id of one of your assessments' })
  assessmentId!: string;

  /** The supervising proctor: any proctor (or admin) of the organization; defaults to the creator. */
  @IsOptional()
  @IsUUID('4', { message: 'proctorId must be the id of a proctor of your organization' })
  proctorId?: string;

  /** Leave empty to have one generated (unambiguous characters, case-insensitive). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,12}$/, { message: 'enrollmentCode must be 6 to 12 letters or digits' })
  @IsGuessResistantEnrollmentCode()
  enrollmentCode?: string;

  @IsEnum(StartMode, { message: `startMode must be one of: ${Object.values(StartMode).join(', ')}` })
  startMode!: StartMode;

  /** Local date and time in `timeZone`, e.g. 2026-12-01T09:30 (seconds optional: 09:30:15); required for a scheduled start. */
  @ValidateIf(
    (body: SessionSettingsBody) => body.startMode === StartMode.Scheduled || body.scheduledLocalTime !== undefined,
  )
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
    message: 'scheduledLocalTime must look like 2026-12-01T09:30 (local time in timeZone)',
  })
  scheduledLocalTime?: string;

  /** IANA time zone the proctor entered the time in, e.g. Europe/Berlin; the start is stored in UTC. */
  @IsString()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/, {
    message: 'timeZone must be an IANA time zone such as Europe/Berlin or UTC',
  })
  timeZone!: string;

  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(1440, { message: 'durationMinutes must be at most 1440 (24 hours)' })
  durationMinutes!: number;

  @IsEnum(EnrollmentMode, { message: `enrollmentMode must be one of: ${Object.values(EnrollmentMode).join(', ')}` })
  enrollmentMode!: EnrollmentMode;

  /** Participant limit; omit for no limit. */
  @IsOptional()
  @IsInt({ message: 'maxUsers must be a whole number' })
  @Min(1, { message: 'maxUsers must be at least 1' })
  @Max(100_000)
  maxUsers?: number;

  @IsBoolean({ message: 'lateEntry must be true or false' })
  lateEntry!: boolean;

  /** How long after the start joining stays open; required when lateEntry is true. */
  @ValidateIf((body: SessionSettingsBody) => body.lateEntry === true)
  @IsInt({ message: 'lateEntryMinutes must be a whole number of minutes' })
  @Min(1, { message: 'lateEntryMinutes must be at least 1' })
  @Max(1440)
  lateEntryMinutes?: number;

  @IsEnum(TimeLimitMode, { message: `timeLimitMode must be one of: ${Object.values(TimeLimitMode).join(', ')}` })
  timeLimitMode!: TimeLimitMode;

  /** Extra time after a participant's deadline before the attempt is submitted automatically. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  gracePeriodSeconds?: number;

  /** Minutes before each candidate's own deadline at which they are warned; default 10, 5 and 1. */
  @IsOptional()
  @IsArray({ message: 'timeWarningMinutes must be a list of minutes, e.g. [10, 5, 1]' })
  @ArrayMaxSize(TIME_WARNINGS_MAX, { message: `timeWarningMinutes may have at most ${TIME_WARNINGS_MAX} warnings` })
  @IsInt({ each: true, message: 'timeWarningMinutes must contain whole minutes' })
  @Min(1, { each: true, message: 'timeWarningMinutes must be at least 1 minute each' })
  @Max(600, { each: true, message: 'timeWarningMinutes must be at most 600 minutes each' })
  timeWarningMinutes?: number[];

  @ValidateNested()
  @Type(() => SecurityOptions)
  security!: SecurityOptions;
}

export class CreateSessionRequest extends ActorScopedRequest {
  @ValidateNested()
  @Type(() => SessionSettingsBody)
  settings!: SessionSettingsBody;
}

export class UpdateSessionRequest extends CreateSessionRequest {
  @IsUUID()
  sessionId!: string;
}

export class ListSessionsRequest extends OrgScopedRequest {}

export class GetSessionRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export class ResolveEnrollmentCodeRequest extends OrgScopedRequest {
  @IsString()
  @MinLength(4)
  @MaxLength(16)
  code!: string;
}

/** Lifecycle commands: start, pause, resume, end, cancel (one request shape, one subject each). */
export class SessionCommandRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** @deprecated name kept for the tracer's handlers; same shape as SessionCommandRequest. */
export class StartSessionRequest extends SessionCommandRequest {}

export interface SessionView {
  id: string;
  orgId: string;
  name: string;
  assessmentId: string;
  assessmentVersionId: string;
  assessmentTitle: string;
  questionCount: number;
  proctorId: string;
  enrollmentCode: string;
  startMode: StartMode;
  /** UTC instant of a scheduled start, else null. */
  scheduledAt: string | null;
  timeZone: string;
  durationMinutes: number;
  enrollmentMode: EnrollmentMode;
  maxUsers: number | null;
  lateEntry: boolean;
  lateEntryMinutes: number | null;
  timeLimitMode: TimeLimitMode;
  gracePeriodSeconds: number;
  /** Minutes before each candidate's deadline at which the server warns them, largest first. */
  timeWarningMinutes: number[];
  security: SecurityOptions;
  status: SessionStatus;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  /** Why the session is paused (the proctor's reason), while it is paused; else null. */
  pauseReason: string | null;
  /** What the candidates were told when it was paused or rescheduled while running; else null. */
  pauseMessage: string | null;
  /** The new start of a session rescheduled while running: it resumes then. Else null. */
  resumesAt: string | null;
  /** End Session is under way: every attempt still open is submitted at this instant. Else null. */
  graceEndsAt: string | null;
}
