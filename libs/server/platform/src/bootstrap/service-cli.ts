import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import type { DynamicModule, Type } from '@nestjs/common';
import type { DatabaseEnv } from '../config/env';
import { loadEnv } from '../config/env';
import { migrateSchema } from '../orm/migrate';
import type { EntityClass } from '../orm/orm-config';
import { serviceOrmConfig } from '../orm/orm-config';
import { bootstrapService, exitOnStartupFailure } from './bootstrap-service';

/** One command of a deployable's `main.js`; resolves when the command is done (serving keeps running). */
export type CliCommand = () => Promise<void>;

/**
 * Runs the command named by the first argument (`serve` when there is none). An unknown command
 * prints what the commands are and exits with 2, before anything connects: a typo in a Job's
 * command must not start a server. A failing command prints why and exits with 1.
 */
export function runCli(
  app: string,
  commands: Record<string, CliCommand>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const name = argv[0] ?? 'serve';
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const known = Object.keys(commands).join(', ');
    process.stderr.write(`${app}: unknown command "${name}"; the commands are: ${known} (none means serve)\n`);
    process.exit(2);
  }
  return command().catch(exitOnStartupFailure(app));
}

export interface ServiceCliSpec<E extends DatabaseEnv> {
  service: string;
  envClass: new () => E;
  /** The service's root module for this environment, e.g. `SessionsModule.forRoot(env)`. */
  rootModule: (env: E) => DynamicModule | Type;
  entities: EntityClass[];
  migrations: MigrationObject[];
  /** Adds the service's demo data (`main.js seed`); services without any leave it out. May return a line to print. */
  seed?: (em: EntityManager) => Promise<string | void>;
}

/** `main.js` serves; `main.js migrate` applies migrations (the migration Job's command); `main.js seed` adds demo data. */
export function runServiceCli<E extends DatabaseEnv>(
  spec: ServiceCliSpec<E>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const env = () => loadEnv(spec.envClass);
  const orm = (loaded: E) => ({
    databaseUrl: loaded.DATABASE_URL,
    schema: loaded.DB_SCHEMA,
    entities: spec.entities,
    migrations: spec.migrations,
  });
  const commands: Record<string, CliCommand> = {
    serve: async () => {
      const loaded = env();
      await bootstrapService(spec.service, spec.rootModule(loaded), loaded);
    },
    migrate: async () => {
      const applied = await migrateSchema(orm(env()));
      process.stdout.write(`${spec.service}: ${applied.length} migration(s) applied\n`);
    },
  };
  const seed = spec.seed;
  if (seed) {
    commands['seed'] = async () => {
      const instance = await MikroORM.init(serviceOrmConfig(orm(env())));
      try {
        const line = await seed(instance.em.fork());
        if (line) process.stdout.write(`${spec.service}: ${line}\n`);
      } finally {
        await instance.close();
      }
    };
  }
  return runCli(spec.service, commands, argv);
}
