import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';

/** A MikroORM entity class. */
export type EntityClass = abstract new (...args: never[]) => object;
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { ProcessedEvent } from '../outbox/processed-event.entity';

export interface ServiceOrmSettings {
  databaseUrl: string;
  schema: string;
  entities: EntityClass[];
  /** Listed explicitly so the same code runs from TypeScript sources and from a build. */
  migrations: MigrationObject[];
}

/**
 * One PostgreSQL schema per service. Connections set search_path to it, so migrations and raw SQL
 * use unqualified names and never touch another service's tables. Schema sync is never used.
 */
export function serviceOrmConfig(settings: ServiceOrmSettings): Options {
  return defineConfig({
    clientUrl: settings.databaseUrl,
    schema: settings.schema,
    entities: [...settings.entities, OutboxMessage, ProcessedEvent],
    extensions: [Migrator],
    driverOptions: { connection: { options: `-c search_path=${settings.schema}` } },
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      migrationsList: settings.migrations,
    },
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
  });
}
