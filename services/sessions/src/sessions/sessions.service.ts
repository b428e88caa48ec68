import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Events,
  GetSessionRequest,
  ListSessionsRequest,
  ResolveEnrollmentCodeRequest,
  SessionStatus,
  SessionView,
  StartSessionRequest,
} from '@invigil/contracts';
import { assertSessionTransition, normalizeEnrollmentCode } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { FINISHED_SESSION_STATUSES, ProctoredSession } from './proctored-session.entity';
import { toSessionViewOne, toSessionViews } from './session-view';

@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async list(request: ListSessionsRequest): Promise<SessionView[]> {
    const em = this.em.fork();
    const sessions = await em.find(ProctoredSession, { orgId: request.orgId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return toSessionViews(em, sessions);
  }

  async get(request: GetSessionRequest): Promise<SessionView> {
    const em = this.em.fork();
    return toSessionViewOne(em, await findSessionOrFail(em, request.orgId, request.sessionId));
  }

  /** The session a candidate's code points at: only running ones hold a code. */
  async resolveCode(request: ResolveEnrollmentCodeRequest): Promise<SessionView> {
    const em = this.em.fork();
    const code = normalizeEnrollmentCode(request.code);
    const session = await em.findOne(ProctoredSession, { orgId: request.orgId, enrollmentCode: code, status: { $nin: [...FINISHED_SESSION_STATUSES] } });
    if (!session) throw RpcError.notFound(`No session has the enrollment code "${code}". Check the code with your proctor.`);
    return toSessionViewOne(em, session);
  }

  /** Flexible start: the proctor starts it; the domain's state machine decides whether that is allowed now. */
  async start(request: StartSessionRequest): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      assertSessionTransition(session.status, SessionStatus.InProgress);
      session.status = SessionStatus.InProgress;
      session.startedAt = new Date();
      emit(Events.sessionStarted, {
        orgId: session.orgId,
        sessionId: session.id,
        name: session.name,
        startedAt: session.startedAt.toISOString(),
      });
      return toSessionViewOne(em, session);
    });
  }
}

export async function findSessionOrFail(em: EntityManager, orgId: string, sessionId: string, lockMode?: LockMode): Promise<ProctoredSession> {
  const session = await em.findOne(ProctoredSession, { id: sessionId, orgId }, lockMode ? { lockMode } : {});
  if (!session) throw RpcError.notFound(`No session ${sessionId} in this organization.`);
  return session;
}
