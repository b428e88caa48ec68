import { DatabaseEnv } from '@invigil/server-platform';

export class SessionsEnv extends DatabaseEnv {
  override HTTP_PORT = 3101;
  override DB_SCHEMA = 'sessions';
}
