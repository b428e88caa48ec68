import { IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** What a job on `Queues.attemptDeadlines` carries; validated on the way out of Redis. */
export class DeadlineJobData {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  attemptId!: string;

  /** The attempt's deadline version when the job was made; the worker re-reads the clock anyway. */
  @IsInt()
  @Min(0)
  deadlineVersion!: number;

  @IsOptional()
  @IsString()
  correlationId?: string;

  /** Set on a time warning's job: warn at this many minutes left instead of submitting. */
  @IsOptional()
  @IsInt()
  @Min(1)
  warningMinutes?: number;
}

export const DEADLINE_JOB_NAME = 'auto-submit';
export const TIME_WARNING_JOB_NAME = 'time-warning';

/** One job per warning and deadline version: a moved deadline gets new warnings, old ones find it moved. */
export function timeWarningJobId(attemptId: string, deadlineVersion: number, minutes: number): string {
  return `${attemptId}-d${deadlineVersion}-w${minutes}`;
}

/** A moved deadline is a new job id; an old job that fires finds time left and does nothing. */
export function deadlineJobId(attemptId: string, deadlineVersion: number): string {
  return `${attemptId}-d${deadlineVersion}`;
}

export const DEADLINE_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
