import type { SessionView } from '@invigil/contracts';
import { EnrollmentMode, Requests, RpcErrorCode, SessionStatus, StartMode, TimeLimitMode } from '@invigil/contracts';
import { DEMO_ORG } from '@invigil/server-seed';
import type { RawNats } from './raw-nats';
import { randomUUID } from 'node:crypto';
import type { Peer } from './peer';
import { answerAsPeer, PeerError } from './peer';

/** A session as the sessions service would describe it; tests override what they exercise. */
export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    orgId: DEMO_ORG.id,
    name: `Session ${id.slice(0, 4)}`,
    assessmentId: randomUUID(),
    assessmentVersionId: randomUUID(),
    assessmentTitle: 'Algebra',
    questionCount: 3,
    proctorId: randomUUID(),
    enrollmentCode: id.replace(/-/g, '').slice(0, 8).toUpperCase(),
    startMode: StartMode.Flexible,
    scheduledAt: null,
    timeZone: 'UTC',
    durationMinutes: 45,
    enrollmentMode: EnrollmentMode.Auto,
    maxUsers: null,
    lateEntry: false,
    lateEntryMinutes: null,
    timeLimitMode: TimeLimitMode.SessionWide,
    gracePeriodSeconds: 0,
    timeWarningMinutes: [10, 5, 1],
    security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
    status: SessionStatus.Open,
    startedAt: null,
    endedAt: null,
    createdAt: new Date().toISOString(),
    pauseReason: null,
    pauseMessage: null,
    resumesAt: null,
    graceEndsAt: null,
    ...overrides,
  };
}

/** Stands in for the sessions service: answers resolve-code and get from a table the test fills. */
export class SessionsPeer {
  readonly sessions = new Map<string, SessionView>();
  private readonly peers: Peer<never>[] = [];

  constructor(nats: RawNats) {
    this.peers.push(
      answerAsPeer(nats, Requests.resolveEnrollmentCode, (request) => {
        const found = [...this.sessions.values()].find(
          (s) => s.orgId === request.orgId && s.enrollmentCode === request.code.toUpperCase(),
        );
        if (!found)
          throw new PeerError({ code: RpcErrorCode.NotFound, message: `No session with code ${request.code}` });
        return found;
      }) as unknown as Peer<never>,
      answerAsPeer(nats, Requests.getSession, (request) => {
        const found = this.sessions.get(request.sessionId);
        if (!found || found.orgId !== request.orgId)
          throw new PeerError({ code: RpcErrorCode.NotFound, message: `No session ${request.sessionId}` });
        return found;
      }) as unknown as Peer<never>,
    );
  }

  put(overrides: Partial<SessionView> = {}): SessionView {
    const session = sessionView(overrides);
    this.sessions.set(session.id, session);
    return session;
  }

  stop(): void {
    for (const peer of this.peers) peer.stop();
  }
}
