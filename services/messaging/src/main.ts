import './instrumentation';
import { bootstrapService, exitOnStartupFailure, loadEnv, migrateSchema } from '@invigil/server-platform';
import { MessagingModule } from './app.module';
import { MessagingEnv } from './config/env';
import { messagingEntities } from './entities';
import { messagingMigrations } from './migrations';

/** `main.ts` serves; `main.ts migrate` applies migrations (a Job's command). Messaging has no demo data of its own. */
async function main(command = 'serve'): Promise<void> {
  const env = loadEnv(MessagingEnv);
  if (command === 'migrate') {
    const applied = await migrateSchema({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      entities: messagingEntities,
      migrations: messagingMigrations,
    });
    process.stdout.write(`messaging: ${applied.length} migration(s) applied\n`);
    return;
  }
  if (command !== 'serve') throw new Error(`Unknown command "${command}": use serve or migrate`);
  await bootstrapService('messaging', MessagingModule.forRoot(env), env);
}

main(process.argv[2]).catch(exitOnStartupFailure('messaging'));
