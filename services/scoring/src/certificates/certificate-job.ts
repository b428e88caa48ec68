import { IsOptional, IsString, IsUUID } from 'class-validator';

/** What a job on `Queues.certificates` carries. Validated on the way out of Redis like any other boundary. */
export class CertificateJobData {
  @IsUUID()
  certificateId!: string;

  /** Lets the job's logs and events be traced back to the submission that earned the certificate. */
  @IsOptional()
  @IsString()
  correlationId?: string;

  /** W3C traceparent of the submission's handling, so the job's spans join the same trace. */
  @IsOptional()
  @IsString()
  traceParent?: string;
}

export const CERTIFICATE_JOB_NAME = 'render';

/** 2 s, 4 s, 8 s, 16 s between the five attempts: rides out a restarting enrollment service. */
export const CERTIFICATE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
