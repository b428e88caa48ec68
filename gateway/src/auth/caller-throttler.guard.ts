import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { TokenService } from './token.service';
import { TooManyAttemptsException, waitInWords } from '../throttling/failure-limiter';

/**
 * The API-wide limit counts a signed-in caller by user, whatever address they come from (a hall
 * of candidates behind one NAT shares an address), and anonymous callers by address. It runs
 * before the AuthGuard, so it reads the token itself; an invalid token counts as anonymous.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: TokenService,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Request): Promise<string> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const claims = scheme === 'Bearer' && token ? await this.tokens.verify(token) : null;
    return claims ? `user:${claims.sub}` : `address:${await super.getTracker(request)}`;
  }

  /** One counter per caller across the whole API, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const who = detail.tracker.startsWith('user:') ? 'your account' : 'your network address';
    const wait = detail.timeToBlockExpire || detail.timeToExpire;
    throw new TooManyAttemptsException(
      `Too many requests from ${who}; slow down and try again in ${waitInWords(wait)}.`,
      wait,
    );
  }
}
