import { IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** What a job on `Queues.scheduledSessionStarts` carries; validated on the way out of Redis. */
export class ScheduledStartJobData {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;

  /** The session's schedule version when the job was made: a rescheduled session ignores older jobs. */
  @IsInt()
  @Min(0)
  scheduleVersion!: number;

  @IsOptional()
  @IsString()
  correlationId?: string;
}

export const SCHEDULED_START_JOB_NAME = 'start';

/** BullMQ refuses ":" in custom ids; the version makes a moved job a different job. */
export function scheduledStartJobId(sessionId: string, scheduleVersion: number): string {
  return `${sessionId}-v${scheduleVersion}`;
}

/** Retries ride out a restarting database; completed jobs stay a day so a re-add of the same id is a no-op. */
export const SCHEDULED_START_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
