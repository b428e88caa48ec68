import { Injectable } from '@nestjs/common';
import { RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError } from '@invigil/server-platform';
import { GatewayEnv } from '../config/env';
import { FailureLimiter, FailureRule } from '../throttling/failure-limiter';

const unknownCode = (error: unknown) => error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound;

/**
 * Guessing enrollment codes: unknown codes are counted per candidate and per address (looser,
 * since a whole hall shares one); a correct code is never counted.
 */
@Injectable()
export class JoinThrottle {
  private readonly user: FailureRule;
  private readonly address: FailureRule;

  constructor(
    private readonly limiter: FailureLimiter,
    env: GatewayEnv,
  ) {
    const windowSeconds = env.JOIN_FAILURE_WINDOW_SECONDS;
    this.user = {
      name: 'join:user',
      maxFailures: env.JOIN_USER_MAX_FAILURES,
      windowSeconds,
      message: (wait) =>
        `Too many wrong enrollment codes from your account; check the code with your proctor and try again in ${wait}.`,
    };
    this.address = {
      name: 'join:address',
      maxFailures: env.JOIN_ADDRESS_MAX_FAILURES,
      windowSeconds,
      message: (wait) =>
        `Too many wrong enrollment codes from your network address; check the code with your proctor and try again in ${wait}.`,
    };
  }

  async attempt<T>(userId: string, address: string, join: () => Promise<T>): Promise<T> {
    const checks: [FailureRule, string][] = [
      [this.user, userId],
      [this.address, address],
    ];
    await this.limiter.assertAllowed(checks);
    try {
      return await join();
    } catch (error) {
      if (unknownCode(error)) await this.limiter.recordFailure(checks);
      throw error;
    }
  }
}
