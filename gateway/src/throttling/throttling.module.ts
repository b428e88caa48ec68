import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { PLATFORM_OPTIONS, PlatformOptions, REDIS_CONNECTION } from '@invigil/server-platform';
import type { Redis } from 'ioredis';
import { GatewayEnv } from '../config/env';
import { FailureLimiter } from './failure-limiter';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/**
 * The API-wide request limit (counters in Redis, shared by every replica) and the failure limiter
 * the sign-in and enrollment-code routes use. The guard itself is registered by the app module,
 * first in the guard order.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [GatewayEnv, REDIS_CONNECTION, PLATFORM_OPTIONS],
      useFactory: (env: GatewayEnv, redis: Redis, options: PlatformOptions) => ({
        throttlers: [{ name: 'api', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }],
        storage: new RedisThrottlerStorage(redis, `invigil:${options.subjectPrefix}throttle:`),
      }),
    }),
  ],
  providers: [FailureLimiter],
  exports: [ThrottlerModule, FailureLimiter],
})
export class ThrottlingModule {}
