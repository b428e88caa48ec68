import { DatabaseEnv } from '@invigil/server-platform';

export class MessagingEnv extends DatabaseEnv {
  override HTTP_PORT = 3104;
  override DB_SCHEMA = 'messaging';
}
