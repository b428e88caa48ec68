import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { RunningTestService, startTestService } from '@invigil/server-testing';
import { SessionsModule } from '../../src/app.module';
import { SessionsEnv } from '../../src/config/env';
import { sessionsEntities } from '../../src/entities';
import { sessionsMigrations } from '../../src/migrations';

/** The real sessions service on the machine's PostgreSQL, NATS and Redis, under the suite's tag. */
export function startSessionsService(tag: string): Promise<RunningTestService<SessionsEnv>> {
  return startTestService({
    service: 'sessions',
    envClass: SessionsEnv,
    rootModule: (env) => SessionsModule.forRoot(env),
    entities: sessionsEntities,
    migrations: sessionsMigrations,
    tag,
  });
}

/** A fresh EntityManager on the service's own schema, for reading and nudging rows directly. */
export function databaseOf(service: RunningTestService<SessionsEnv>): EntityManager {
  return service.app.get<MikroORM, MikroORM>(MikroORM).em.fork();
}
