import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { MigrationObject } from '@mikro-orm/core';
import type { EntityClass } from './orm/orm-config';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { NatsConnection } from 'nats';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseEnv, PlatformEnv } from './config/env';
import { EventConsumer } from './events/event-consumer';
import { HealthController } from './health/health.controller';
import { ReadinessState } from './health/readiness';
import { createLogger } from './logging/logger';
import { HttpMetricsInterceptor } from './metrics/http-metrics.interceptor';
import { INVIGIL_METRICS, InvigilMetrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { PlatformGauges } from './metrics/platform-gauges';
import { InvigilNatsClient } from './nats/invigil-nats.client';
import { connectNats, NATS_CONNECTION } from './nats/nats-connection';
import { NEST_NATS_CLIENT, RpcClient } from './nats/rpc-client';
import { AfterCommit } from './orm/after-commit';
import { serviceOrmConfig } from './orm/orm-config';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { PLATFORM_OPTIONS, PlatformOptions } from './platform-options';
import { createRedis, REDIS_CONNECTION } from './redis/redis';

export interface ServicePlatformSettings {
  service: PlatformOptions['service'];
  env: DatabaseEnv;
  entities: EntityClass[];
  migrations: MigrationObject[];
  startOutboxRelay?: boolean;
}

/** Closes the raw connections last, after handlers, consumers and the relay have stopped. */
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats.drain().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }
}

/** Registered, not exported: an app-wide interceptor belongs to the module that declares it. */
const HTTP_METRICS: Provider = { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor };

function connectionProviders(options: PlatformOptions): Provider[] {
  return [
    { provide: PLATFORM_OPTIONS, useValue: options },
    { provide: INVIGIL_METRICS, useFactory: () => new InvigilMetrics(options.service) },
    { provide: NATS_CONNECTION, useFactory: () => connectNats(options.natsUrl, `${options.service}-events`) },
    { provide: REDIS_CONNECTION, useFactory: () => createRedis(options.redisUrl, options.service) },
    {
      provide: NEST_NATS_CLIENT,
      useFactory: () => new InvigilNatsClient(options.natsUrl, options.subjectPrefix, `${options.service}-rpc`),
    },
    RpcClient,
    ReadinessState,
    ConnectionCloser,
  ];
}

export function platformOptionsFrom(
  service: PlatformOptions['service'],
  env: PlatformEnv,
  extra: Partial<PlatformOptions> = {},
): PlatformOptions {
  return {
    service,
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    natsUrl: env.NATS_URL,
    redisUrl: env.REDIS_URL,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    ...extra,
  };
}

function loggerModule(service: string, env: PlatformEnv): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: { logger: createLogger(service, env.LOG_LEVEL), autoLogging: false },
  });
}

/** What every service gets: logs, NATS (RPC + JetStream), Redis, its PostgreSQL schema, outbox, consumer, health. */
@Global()
@Module({})
export class ServicePlatformModule {
  static forRoot(settings: ServicePlatformSettings): DynamicModule {
    const options = platformOptionsFrom(settings.service, settings.env, {
      startOutboxRelay: settings.startOutboxRelay,
    });
    const providers = [
      ...connectionProviders(options),
      OutboxRelay,
      AfterCommit,
      Outbox,
      EventConsumer,
      PlatformGauges,
    ];
    return {
      module: ServicePlatformModule,
      imports: [
        loggerModule(settings.service, settings.env),
        TerminusModule.forRoot({ logger: false }),
        MikroOrmModule.forRoot(
          serviceOrmConfig({
            databaseUrl: settings.env.DATABASE_URL,
            schema: settings.env.DB_SCHEMA,
            entities: settings.entities,
            migrations: settings.migrations,
            poolMax: settings.env.DB_POOL_MAX,
            acquireTimeoutMs: settings.env.DB_ACQUIRE_TIMEOUT_MS,
          }),
        ),
        MikroOrmModule.forFeature(settings.entities),
      ],
      controllers: [HealthController, MetricsController],
      providers: [...providers, HTTP_METRICS],
      exports: [...providers, MikroOrmModule],
    };
  }
}

/** The gateway's share of the platform: no database of its own. */
@Global()
@Module({})
export class GatewayPlatformModule {
  static forRoot(env: PlatformEnv): DynamicModule {
    const providers = connectionProviders(platformOptionsFrom('gateway', env));
    return {
      module: GatewayPlatformModule,
      imports: [loggerModule('gateway', env), TerminusModule.forRoot({ logger: false })],
      // No MetricsController: the gateway's port is public; it serves /metrics on METRICS_PORT itself.
      controllers: [HealthController],
      providers: [...providers, HTTP_METRICS],
      exports: providers,
    };
  }
}
