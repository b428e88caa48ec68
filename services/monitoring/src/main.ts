import './instrumentation';
import { bootstrapService, exitOnStartupFailure, loadEnv, migrateSchema } from '@invigil/server-platform';
import { MonitoringModule } from './app.module';
import { MonitoringEnv } from './config/env';
import { monitoringEntities } from './entities';
import { monitoringMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). Monitoring's data all comes from events. */
async function main(command = 'serve'): Promise<void> {
  const env = loadEnv(MonitoringEnv);
  if (command === 'migrate') {
    const applied = await migrateSchema({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      entities: monitoringEntities,
      migrations: monitoringMigrations,
    });
    process.stdout.write(`monitoring: ${applied.length} migration(s) applied\n`);
    return;
  }
  if (command !== 'serve') throw new Error(`Unknown command "${command}": use serve or migrate`);
  await bootstrapService('monitoring', MonitoringModule.forRoot(env), env);
}

main(process.argv[2]).catch(exitOnStartupFailure('monitoring'));
