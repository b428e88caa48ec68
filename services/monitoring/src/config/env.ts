import { DatabaseEnv } from '@invigil/server-platform';

export class MonitoringEnv extends DatabaseEnv {
  override HTTP_PORT = 3103;
  override DB_SCHEMA = 'monitoring';
}
