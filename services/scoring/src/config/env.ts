import { DatabaseEnv } from '@invigil/server-platform';
import { IsString, Matches } from 'class-validator';

export class ScoringEnv extends DatabaseEnv {
  override HTTP_PORT = 3105;
  override DB_SCHEMA = 'scoring';

  /** Namespaces the BullMQ keys in Redis: test suites and tenants sharing one Redis set their own. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, "_" or "-", e.g. invigil' })
  QUEUE_PREFIX = 'invigil';
}
