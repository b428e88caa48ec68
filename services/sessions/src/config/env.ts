import { DatabaseEnv } from '@invigil/server-platform';
import { IsString, Matches } from 'class-validator';

export class SessionsEnv extends DatabaseEnv {
  override HTTP_PORT = 3101;
  override DB_SCHEMA = 'sessions';

  /** Namespaces the BullMQ keys (scheduled starts) in Redis: test suites and tenants sharing one Redis set their own. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, "_" or "-", e.g. invigil' })
  QUEUE_PREFIX = 'invigil';
}
