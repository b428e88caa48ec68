import './instrumentation';
import { runServiceCli } from '@invigil/server-platform';
import { MessagingModule } from './app.module';
import { MessagingEnv } from './config/env';
import { messagingEntities } from './entities';
import { messagingMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). No demo data of its own, so no `seed`. */
void runServiceCli({
  service: 'messaging',
  envClass: MessagingEnv,
  rootModule: (env) => MessagingModule.forRoot(env),
  entities: messagingEntities,
  migrations: messagingMigrations,
});
