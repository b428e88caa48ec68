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

  /** Group commit (docs/exam-runtime.md): how long the first save of a batch waits for others to join it. */
  @Transform(toInt)
  @IsInt({ message: 'SAVE_BATCH_WINDOW_MS must be a whole number of milliseconds, e.g. 3' })
  @Min(0)
  @Max(1000)
  SAVE_BATCH_WINDOW_MS = 3;

  /** Group commit: a batch of this many saves is written at once. */
  @Transform(toInt)
  @IsInt({ message: 'SAVE_BATCH_MAX must be a whole number of saves, e.g. 200' })
  @Min(1)
  @Max(5000)
  SAVE_BATCH_MAX = 200;

  /** Group commit: batches written side by side (each holds one database connection while it runs). */
  @Transform(toInt)
  @IsInt({ message: 'SAVE_BATCHES_IN_FLIGHT must be a whole number of batches, e.g. 4' })
  @Min(1)
  @Max(64)
  SAVE_BATCHES_IN_FLIGHT = 4;

  /** Group commit: a save that waited this long for a free writer is refused as busy (503), not written. */
  @Transform(toInt)
  @IsInt({ message: 'SAVE_QUEUE_MAX_WAIT_MS must be a whole number of milliseconds, e.g. 3000' })
  @Min(100)
  @Max(60_000)
  SAVE_QUEUE_MAX_WAIT_MS = 3000;
}
