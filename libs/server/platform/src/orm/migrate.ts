import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { ServiceOrmSettings } from './orm-config';
import { serviceOrmConfig } from './orm-config';

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so two migrators started at once
 * (two pods, a Job and a developer) run one after the other and the second finds nothing to do.
 * Run it from a migration Job or the start script, never from every replica's start-up.
 */
export async function migrateSchema(settings: ServiceOrmSettings): Promise<string[]> {
  const lockClient = new Client({ connectionString: settings.databaseUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock(hashtext($1))', [`invigil-migrate:${settings.schema}`]);
    await lockClient.query(`create schema if not exists "${settings.schema}"`);
    const orm = await MikroORM.init(serviceOrmConfig(settings));
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((migration) => migration.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lockClient
      .query('select pg_advisory_unlock(hashtext($1))', [`invigil-migrate:${settings.schema}`])
      .catch(() => undefined);
    await lockClient.end();
  }
}

/** Drops a schema and everything in it: for test suites that made their own. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
