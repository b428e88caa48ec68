import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { QueueEnv, toInt } from '@invigil/server-platform';
import { DEFAULT_END_SESSION_GRACE_SECONDS } from '@invigil/domain';

/** QUEUE_PREFIX namespaces the scheduled-start, deadline and session-ending queues. */
export class SessionsEnv extends QueueEnv {
  override HTTP_PORT = 3101;
  override DB_SCHEMA = 'sessions';

  /** End Session's grace for a session whose own grace period is 0 (tests shorten it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  END_SESSION_DEFAULT_GRACE_SECONDS = DEFAULT_END_SESSION_GRACE_SECONDS;
}
