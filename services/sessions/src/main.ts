import './instrumentation';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  bootstrapService,
  exitOnStartupFailure,
  loadEnv,
  migrateSchema,
  serviceOrmConfig,
} from '@invigil/server-platform';
import { SessionsModule } from './app.module';
import { SessionsEnv } from './config/env';
import { sessionsEntities } from './entities';
import { sessionsMigrations } from './migrations';
import { seedDemoAssessment } from './seed/demo-assessment';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command); `main.ts seed` adds demo data. */
async function main(command = 'serve'): Promise<void> {
  const env = loadEnv(SessionsEnv);
  const orm = {
    databaseUrl: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: sessionsEntities,
    migrations: sessionsMigrations,
  };
  if (command === 'migrate') {
    const applied = await migrateSchema(orm);
    process.stdout.write(`sessions: ${applied.length} migration(s) applied\n`);
    return;
  }
  if (command === 'seed') {
    const instance = await MikroORM.init(serviceOrmConfig(orm));
    const created = await seedDemoAssessment(instance.em.fork());
    await instance.close();
    process.stdout.write(`sessions: demo assessment ${created ? 'created' : 'already present'}\n`);
    return;
  }
  await bootstrapService('sessions', SessionsModule.forRoot(env), env);
}

main(process.argv[2]).catch(exitOnStartupFailure('sessions'));
