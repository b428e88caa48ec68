import { IsString, Matches } from 'class-validator';
import { DatabaseEnv } from './env';

/** Variables of services that own a PostgreSQL schema and run BullMQ queues in Redis. */
export class QueueEnv extends DatabaseEnv {
  /** Namespaces the BullMQ keys in Redis: test suites and tenants sharing one Redis set their own. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, "_" or "-", e.g. invigil' })
  QUEUE_PREFIX = 'invigil';
}
