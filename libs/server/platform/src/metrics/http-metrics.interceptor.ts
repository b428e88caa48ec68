import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { INVIGIL_METRICS, InvigilMetrics } from './metrics';

/** Rate, errors and duration per HTTP route (the route pattern, not the raw path, to keep labels few). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const started = process.hrtime.bigint();
    const request = context.switchToHttp().getRequest<Request>();
    const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const record = (status: number) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
      this.metrics.httpDuration.observe({ method: request.method, route }, seconds);
    };
    return next.handle().pipe(
      tap({
        complete: () => record(context.switchToHttp().getResponse<Response>().statusCode),
        // The error filter sets the status later; read it from the exception.
        error: (error: { getStatus?: () => number }) => record(error.getStatus?.() ?? 500),
      }),
    );
  }
}
