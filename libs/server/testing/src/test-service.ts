import type { MigrationObject } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import type { DatabaseEnv, EntityClass, InvigilNatsServer } from '@invigil/server-platform';
import { bootstrapService, dropSchema, loadEnv, migrateSchema } from '@invigil/server-platform';
import { testDatabaseUrl, testNatsUrl, testRedisUrl } from './test-env';

export interface TestServiceSpec<E extends DatabaseEnv> {
  service: string;
  envClass: new () => E;
  /** Builds the root module; integration suites pass the real one. */
  rootModule: (env: E) => unknown;
  entities: EntityClass[];
  migrations: MigrationObject[];
  /** The suite's tag: shared by every service of one suite so they see each other. */
  tag: string;
  extraEnv?: Record<string, string>;
}

export interface RunningTestService<E extends DatabaseEnv> {
  app: INestApplication;
  env: E;
  natsServer: InvigilNatsServer;
  httpPort: number;
  /** Closes the app (graceful path) and drops the suite's schema. */
  stop(): Promise<void>;
  /** Closes the app but keeps the schema: for restart tests. */
  close(): Promise<void>;
}

/**
 * Starts a real service against the machine's PostgreSQL, NATS and Redis, in a schema and under
 * a subject prefix of its own, after running its real migrations.
 */
export async function startTestService<E extends DatabaseEnv>(
  spec: TestServiceSpec<E>,
): Promise<RunningTestService<E>> {
  const env = loadEnv(spec.envClass, {
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    DATABASE_URL: testDatabaseUrl(),
    DB_SCHEMA: `${spec.service}_${spec.tag}`,
    NATS_URL: testNatsUrl(),
    NATS_SUBJECT_PREFIX: `${spec.tag}.`,
    REDIS_URL: testRedisUrl(),
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    SHUTDOWN_GRACE_MS: '5000',
    ...spec.extraEnv,
  });
  await migrateSchema({
    databaseUrl: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: spec.entities,
    migrations: spec.migrations,
  });
  const { app, natsServer, httpPort } = await bootstrapService(spec.service, spec.rootModule(env) as never, env);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    app,
    env,
    natsServer,
    httpPort,
    close,
    stop: async () => {
      await close();
      await dropSchema(env.DATABASE_URL, env.DB_SCHEMA);
    },
  };
}
