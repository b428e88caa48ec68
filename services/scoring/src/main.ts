import './instrumentation';
import { bootstrapService, exitOnStartupFailure, loadEnv, migrateSchema } from '@invigil/server-platform';
import { ScoringModule } from './app.module';
import { ScoringEnv } from './config/env';
import { scoringEntities } from './entities';
import { scoringMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). Scoring has no demo data of its own. */
async function main(command = 'serve'): Promise<void> {
  const env = loadEnv(ScoringEnv);
  if (command === 'migrate') {
    const applied = await migrateSchema({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      entities: scoringEntities,
      migrations: scoringMigrations,
    });
    process.stdout.write(`scoring: ${applied.length} migration(s) applied\n`);
    return;
  }
  if (command !== 'serve') throw new Error(`Unknown command "${command}": use serve or migrate`);
  await bootstrapService('scoring', ScoringModule.forRoot(env), env);
}

main(process.argv[2]).catch(exitOnStartupFailure('scoring'));
