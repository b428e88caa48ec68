import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Role } from '@invigil/contracts';
import type { Request } from 'express';
import { AuthenticatedRequest } from '../auth/current-user';
import { SafeExamBrowserCheck, SEB_CONFIG_KEY_HEADER } from './safe-exam-browser';

/** A candidate's exam routes: the attempt, signals, snapshots and identity photos of one session. */
const EXAM_ROUTE = /^\/api\/sessions\/([0-9a-fA-F-]{36})\/(attempt|signals|snapshots|identity)(\/|$)/;

/** The URL the browser asked for, as a proxy in front of the gateway received it. */
export function absoluteRequestUrl(request: Pick<Request, 'headers' | 'protocol' | 'originalUrl'>): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
  const protocol = first(request.headers['x-forwarded-proto']) ?? request.protocol;
  const host = first(request.headers['x-forwarded-host']) ?? first(request.headers.host);
  return `${protocol}://${host}${request.originalUrl}`;
}

/**
 * Applies the session's Safe Exam Browser requirement to candidates' exam HTTP routes (403 with
 * the reason). Registered after the AuthGuard, which has identified the caller by then.
 */
@Injectable()
export class SafeExamBrowserGuard implements CanActivate {
  constructor(private readonly check: SafeExamBrowserCheck) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.user?.role !== Role.Candidate) return true;
    const sessionId = EXAM_ROUTE.exec(request.path)?.[1];
    if (!sessionId) return true;
    const header = request.headers[SEB_CONFIG_KEY_HEADER];
    const refusal = await this.check.verify(
      request.user.orgId,
      sessionId,
      absoluteRequestUrl(request),
      Array.isArray(header) ? header[0] : header,
    );
    if (refusal) throw new ForbiddenException(refusal);
    return true;
  }
}
