import { QueueEnv } from '@invigil/server-platform';

export class ScoringEnv extends QueueEnv {
  override HTTP_PORT = 3105;
  override DB_SCHEMA = 'scoring';
}
