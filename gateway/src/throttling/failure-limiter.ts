import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { PLATFORM_OPTIONS, PlatformOptions, REDIS_CONNECTION } from '@invigil/server-platform';
import type { Redis } from 'ioredis';

/** How many failures one key may collect, over what time, and how long it is refused after the last allowed one. */
export interface FailureRule {
  /** Part of the Redis key, e.g. `signin:account`. */
  name: string;
  maxFailures: number;
  windowSeconds: number;
  /** Refused for this long once maxFailures is reached (defaults to the rest of the window). */
  lockSeconds?: number;
  /** The 429 message, given the wait in words ("2 minutes"). */
  message: (wait: string) => string;
}

/** A 429 whose body says what to do; the error filter turns retryAfterSeconds into a Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** "2 minutes", "1 minute", "45 seconds": rounded up, so the person never retries too early. */
export function waitInWords(seconds: number): string {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const whole = Math.max(1, Math.ceil(seconds));
  return `${whole} second${whole === 1 ? '' : 's'}`;
}

/**
 * INCR with the window set on the first failure; the failure that reaches the maximum moves the
 * expiry to the lock time. One script, so concurrent failures on two replicas count exactly.
 */
const RECORD_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return n`;

/**
 * Counts failures (wrong passwords, unknown enrollment codes) per account, user or address in
 * Redis, so every gateway replica sees the same counts; successes are never counted.
 */
@Injectable()
export class FailureLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(PLATFORM_OPTIONS) options: PlatformOptions,
  ) {
    this.prefix = `invigil:${options.subjectPrefix}failures:`;
  }

  /** Refuses with a 429 naming the wait when any of the keys has used up its failures. */
  async assertAllowed(checks: [FailureRule, string][]): Promise<void> {
    for (const [rule, id] of checks) {
      const key = this.key(rule, id);
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
      if (Number(count ?? 0) >= rule.maxFailures && ttl > 0) {
        const seconds = ttl / 1000;
        throw new TooManyAttemptsException(rule.message(waitInWords(seconds)), Math.ceil(seconds));
      }
    }
  }

  async recordFailure(checks: [FailureRule, string][]): Promise<void> {
    await Promise.all(
      checks.map(([rule, id]) =>
        this.redis.eval(
          RECORD_FAILURE,
          1,
          this.key(rule, id),
          rule.windowSeconds * 1000,
          rule.maxFailures,
          (rule.lockSeconds ?? rule.windowSeconds) * 1000,
        ),
      ),
    );
  }

  async clear(rule: FailureRule, id: string): Promise<void> {
    await this.redis.del(this.key(rule, id));
  }

  private key(rule: FailureRule, id: string): string {
    return `${this.prefix}${rule.name}:${id}`;
  }
}
