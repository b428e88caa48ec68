import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../config/env';
import { FailureLimiter, FailureRule } from '../throttling/failure-limiter';

/**
 * Verification is anonymous, so it is limited per address, and every attempt counts (a valid code
 * too): walking the code space is refused long before it could find anything.
 */
@Injectable()
export class VerifyThrottle {
  private readonly rule: FailureRule;

  constructor(
    private readonly limiter: FailureLimiter,
    env: GatewayEnv,
  ) {
    this.rule = {
      name: 'verify:address',
      maxFailures: env.VERIFY_ADDRESS_MAX_PER_MINUTE,
      windowSeconds: 60,
      message: (wait) => `Too many certificate verifications from your network address; try again in ${wait}.`,
    };
  }

  async attempt<T>(address: string, verify: () => Promise<T>): Promise<T> {
    const checks: [FailureRule, string][] = [[this.rule, address]];
    await this.limiter.assertAllowed(checks);
    await this.limiter.recordFailure(checks);
    return verify();
  }
}
