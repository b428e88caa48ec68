import { Injectable } from '@nestjs/common';
import { RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError } from '@invigil/server-platform';
import { createHash } from 'node:crypto';
import { GatewayEnv } from '../config/env';
import { FailureLimiter, FailureRule } from '../throttling/failure-limiter';

const ACCOUNT_WINDOW_SECONDS = 15 * 60;

const wrongCredentials = (error: unknown) =>
  error instanceof RemoteCallError && error.body.code === RpcErrorCode.Unauthenticated;

/**
 * Sign-in limits, counted separately: wrong passwords per account (guessing one account's
 * password) and failed sign-ins per address (one password tried on many accounts). Successful
 * sign-ins are never counted, so a hall of candidates behind one address all get in.
 */
@Injectable()
export class SignInThrottle {
  private readonly account: FailureRule;
  private readonly address: FailureRule;

  constructor(
    private readonly limiter: FailureLimiter,
    env: GatewayEnv,
  ) {
    this.account = {
      name: 'signin:account',
      maxFailures: env.SIGNIN_ACCOUNT_MAX_FAILURES,
      windowSeconds: ACCOUNT_WINDOW_SECONDS,
      lockSeconds: env.SIGNIN_ACCOUNT_LOCK_SECONDS,
      message: (wait) => `Too many sign-in attempts for this account; try again in ${wait}.`,
    };
    this.address = {
      name: 'signin:address',
      maxFailures: env.SIGNIN_ADDRESS_MAX_FAILURES_PER_MINUTE,
      windowSeconds: 60,
      message: (wait) => `Too many failed sign-ins from your network address; try again in ${wait}.`,
    };
  }

  /**
   * Runs a sign-in unless the account or the address is locked; a wrong credential counts against
   * both. `account` is the email, or the invitation link (hashed: the link itself is a credential).
   */
  async attempt<T>(account: { email?: string; invitation?: string }, address: string, signIn: () => Promise<T>) {
    const accountId = account.email
      ? `email:${account.email.trim().toLowerCase()}`
      : `link:${createHash('sha256')
          .update(account.invitation ?? '')
          .digest('hex')}`;
    const checks: [FailureRule, string][] = [
      [this.account, accountId],
      [this.address, address],
    ];
    await this.limiter.assertAllowed(checks);
    try {
      const result: T = await signIn();
      await this.limiter.clear(this.account, accountId);
      return result;
    } catch (error) {
      if (wrongCredentials(error)) await this.limiter.recordFailure(checks);
      throw error;
    }
  }
}
