import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import type { RunningTestService } from '@invigil/server-testing';
import { startTestService, testRedisUrl } from '@invigil/server-testing';
import Redis from 'ioredis';
import { SessionsModule } from '../../src/app.module';
import { SessionsEnv } from '../../src/config/env';
import { sessionsEntities } from '../../src/entities';
import { sessionsMigrations } from '../../src/migrations';

/** The real sessions service on the machine's PostgreSQL, NATS and Redis, under the suite's tag (BullMQ keys too). */
export function startSessionsService(
  tag: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningTestService<SessionsEnv>> {
  return startTestService({
    service: 'sessions',
    envClass: SessionsEnv,
    rootModule: (env) => SessionsModule.forRoot(env),
    entities: sessionsEntities,
    migrations: sessionsMigrations,
    tag,
    // End Session's default grace is 60 s; 2 s here keeps the suites that end a session with writers short.
    extraEnv: { QUEUE_PREFIX: tag, END_SESSION_DEFAULT_GRACE_SECONDS: '2', ...extraEnv },
  });
}

/** A fresh EntityManager on the service's own schema, for reading and nudging rows directly. */
export function databaseOf(service: RunningTestService<SessionsEnv>): EntityManager {
  return service.app.get<MikroORM, MikroORM>(MikroORM).em.fork();
}

/** Removes every BullMQ key under the suite's QUEUE_PREFIX; run after the service has stopped. */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
