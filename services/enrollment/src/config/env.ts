import { DatabaseEnv } from '@invigil/server-platform';

export class EnrollmentEnv extends DatabaseEnv {
  override HTTP_PORT = 3102;
  override DB_SCHEMA = 'enrollment';
}
