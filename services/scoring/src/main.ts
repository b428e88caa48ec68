import './instrumentation';
import { runServiceCli } from '@invigil/server-platform';
import { ScoringModule } from './app.module';
import { ScoringEnv } from './config/env';
import { scoringEntities } from './entities';
import { scoringMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). No demo data of its own, so no `seed`. */
void runServiceCli({
  service: 'scoring',
  envClass: ScoringEnv,
  rootModule: (env) => ScoringModule.forRoot(env),
  entities: scoringEntities,
  migrations: scoringMigrations,
});
