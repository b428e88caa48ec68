import { Injectable, NestMiddleware } from '@nestjs/common';
import { CORRELATION_HEADER, newCorrelationId, runWithContext } from '@invigil/server-platform';
import type { NextFunction, Request, Response } from 'express';

/** Every API call gets a correlation id (or keeps the caller's) that travels on in NATS headers. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header(CORRELATION_HEADER);
    const correlationId = given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : newCorrelationId();
    response.setHeader(CORRELATION_HEADER, correlationId);
    runWithContext({ correlationId }, () => next());
  }
}
