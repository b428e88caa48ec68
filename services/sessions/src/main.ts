import './instrumentation';
import { runServiceCli } from '@invigil/server-platform';
import { SessionsModule } from './app.module';
import { SessionsEnv } from './config/env';
import { sessionsEntities } from './entities';
import { sessionsMigrations } from './migrations';
import { seedDemoAssessment } from './seed/demo-assessment';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command); `main.ts seed` adds the demo assessment. */
void runServiceCli({
  service: 'sessions',
  envClass: SessionsEnv,
  rootModule: (env) => SessionsModule.forRoot(env),
  entities: sessionsEntities,
  migrations: sessionsMigrations,
  seed: async (em) => `demo assessment ${(await seedDemoAssessment(em)) ? 'created' : 'already present'}`,
});
