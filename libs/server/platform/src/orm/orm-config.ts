import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/postgresql';
import { defineConfig } from '@mikro-orm/postgresql';
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
  /** Connections per process (DB_POOL_MAX). */
  poolMax?: number;
  /**
   * How long a query waits for a free connection (DB_ACQUIRE_TIMEOUT_MS). Kept well below the
   * gateway's request timeout: under overload a request fails fast (the browser retries a save)
   * instead of being served long after its caller gave up, which would only deepen the overload.
   */
  acquireTimeoutMs?: number;
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
    driverOptions: {
      connection: { options: `-c search_path=${settings.schema}` },
      acquireConnectionTimeout: settings.acquireTimeoutMs ?? 3_000,
    },
    pool: { min: 0, max: settings.poolMax ?? 10 },
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
