import './instrumentation';
import { runServiceCli } from '@invigil/server-platform';
import { MonitoringModule } from './app.module';
import { MonitoringEnv } from './config/env';
import { monitoringEntities } from './entities';
import { monitoringMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). Monitoring's data all comes from events, so no `seed`. */
void runServiceCli({
  service: 'monitoring',
  envClass: MonitoringEnv,
  rootModule: (env) => MonitoringModule.forRoot(env),
  entities: monitoringEntities,
  migrations: monitoringMigrations,
});
