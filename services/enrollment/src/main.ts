import './instrumentation';
import { runServiceCli } from '@invigil/server-platform';
import { EnrollmentModule } from './app.module';
import { EnrollmentEnv } from './config/env';
import { enrollmentEntities } from './entities';
import { enrollmentMigrations } from './migrations';
import { seedDemoAccounts } from './seed/demo-seed';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command); `main.ts seed` adds demo accounts. */
void runServiceCli({
  service: 'enrollment',
  envClass: EnrollmentEnv,
  rootModule: (env) => EnrollmentModule.forRoot(env),
  entities: enrollmentEntities,
  migrations: enrollmentMigrations,
  seed: seedDemoAccounts,
});
