import './instrumentation';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  bootstrapService,
  exitOnStartupFailure,
  loadEnv,
  migrateSchema,
  serviceOrmConfig,
} from '@invigil/server-platform';
import { EnrollmentModule } from './app.module';
import { EnrollmentEnv } from './config/env';
import { enrollmentEntities } from './entities';
import { enrollmentMigrations } from './migrations';
import { seedDemoAccounts } from './seed/demo-seed';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command); `main.ts seed` adds demo data. */
async function main(command = 'serve'): Promise<void> {
  const env = loadEnv(EnrollmentEnv);
  const orm = {
    databaseUrl: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: enrollmentEntities,
    migrations: enrollmentMigrations,
  };
  if (command === 'migrate') {
    const applied = await migrateSchema(orm);
    process.stdout.write(`enrollment: ${applied.length} migration(s) applied\n`);
    return;
  }
  if (command === 'seed') {
    const instance = await MikroORM.init(serviceOrmConfig(orm));
    await seedDemoAccounts(instance.em.fork());
    await instance.close();
    return;
  }
  await bootstrapService('enrollment', EnrollmentModule.forRoot(env), env);
}

main(process.argv[2]).catch(exitOnStartupFailure('enrollment'));
