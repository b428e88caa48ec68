import { QueueEnv } from '@invigil/server-platform';

/** QUEUE_PREFIX namespaces the scheduled-start and deadline queues. */
export class SessionsEnv extends QueueEnv {
  override HTTP_PORT = 3101;
  override DB_SCHEMA = 'sessions';
}
