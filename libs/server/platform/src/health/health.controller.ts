import { MikroORM } from '@mikro-orm/postgresql';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { NatsConnection } from 'nats';
import { Public } from '../http/public-route';
import { NATS_CONNECTION } from '../nats/nats-connection';
import { REDIS_CONNECTION } from '../redis/redis';
import { ReadinessState } from './readiness';

const CHECK_TIMEOUT_MS = 2_000;

/** Liveness says the process answers; readiness says NATS, PostgreSQL and Redis answer too. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessState,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Optional() private readonly orm?: MikroORM,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    const checks = [() => this.accepting(), () => this.natsCheck(), () => this.redisCheck()];
    const orm = this.orm;
    if (orm) checks.push(() => this.databaseCheck(orm));
    return this.health.check(checks);
  }

  private accepting(): HealthIndicatorResult {
    const indicator = this.indicators.check('shutdown');
    return this.readiness.shuttingDown ? indicator.down({ message: 'shutting down' }) : indicator.up();
  }

  private async natsCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('nats');
    try {
      if (this.nats.isClosed()) return indicator.down({ message: 'connection closed' });
      await withTimeout(this.nats.rtt(), 'NATS');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    try {
      await withTimeout(this.redis.ping(), 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }

  private async databaseCheck(orm: MikroORM): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('postgres');
    try {
      await withTimeout(orm.em.getConnection().execute('select 1'), 'PostgreSQL');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS),
    ),
  ]);
}
