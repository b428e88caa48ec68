import { IsOptional, IsString, IsUUID } from 'class-validator';

/** What a job on `Queues.sessionEndings` carries; validated on the way out of Redis. */
export class SessionEndingJobData {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;

  /** The proctor who confirmed End Session (absent when the start-up sweep re-enqueued the job). */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsString()
  correlationId?: string;
}

export const SESSION_ENDING_JOB_NAME = 'end-session';

/** A session ends once: one job id per session, so a re-enqueue is a no-op. */
export function sessionEndingJobId(sessionId: string): string {
  return `${sessionId}-end`;
}

export const SESSION_ENDING_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
