import type { ParticipantView, Role, RpcErrorBody, UserView } from '@invigil/contracts';
import { ParticipantStatus, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import type { Subscription } from 'nats';
import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';

const codec = JSONCodec<Record<string, unknown>>();

interface NestRequest {
  id?: string;
  data?: { orgId?: string; userId?: string; sessionId?: string };
}

/**
 * Plays the enrollment service's part on the real NATS: answers roster look-ups from the users a
 * test enrolled, in Nest's wire format. Services never import each other, so this stands in for it.
 */
export class EnrollmentPeer {
  private readonly roster = new Map<string, ParticipantView>();
  private readonly users = new Map<string, UserView>();
  private subscription: Subscription | null = null;
  private userSubscription: Subscription | null = null;
  lookups = 0;

  constructor(private readonly nats: RawNats) {}

  start(): void {
    this.userSubscription = this.nats.connection.subscribe(this.nats.prefix + Requests.getUser, {
      callback: (error, message) => {
        if (error || !message.reply) return;
        const request = codec.decode(message.data) as NestRequest;
        const user = this.users.get(`${request.data?.orgId}/${request.data?.userId}`);
        const err: RpcErrorBody = { code: RpcErrorCode.NotFound, message: 'No such user in this organization.' };
        message.respond(
          codec.encode(
            user ? { id: request.id, response: user, isDisposed: true } : { id: request.id, err, isDisposed: true },
          ),
        );
      },
    });
    this.subscription = this.nats.connection.subscribe(this.nats.prefix + Requests.getMyParticipation, {
      callback: (error, message) => {
        if (error || !message.reply) return;
        this.lookups++;
        const request = codec.decode(message.data) as NestRequest;
        const participant = this.roster.get(key(request.data?.orgId, request.data?.sessionId, request.data?.userId));
        message.respond(
          codec.encode(
            participant
              ? { id: request.id, response: participant, isDisposed: true }
              : { id: request.id, err: notEnrolled(), isDisposed: true },
          ),
        );
      },
    });
  }

  /** A user of the organization, as `Requests.getUser` answers it. */
  addUser(orgId: string, userId: string, role: Role): UserView {
    const user: UserView = {
      id: userId,
      orgId,
      orgName: 'Test org',
      email: `${userId}@example.test`,
      displayName: `User ${userId.slice(0, 4)}`,
      role,
    };
    this.users.set(`${orgId}/${userId}`, user);
    return user;
  }

  enroll(orgId: string, sessionId: string, userId: string, details: Partial<ParticipantView> = {}): ParticipantView {
    const participant: ParticipantView = {
      id: randomUUID(),
      orgId,
      sessionId,
      userId,
      displayName: `Candidate ${userId.slice(0, 4)}`,
      email: `${userId}@example.test`,
      status: ParticipantStatus.Waiting,
      joinedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      ...details,
    };
    this.roster.set(key(orgId, sessionId, userId), participant);
    return participant;
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.userSubscription?.unsubscribe();
  }
}

function key(orgId: string | undefined, sessionId: string | undefined, userId: string | undefined): string {
  return `${orgId}/${sessionId}/${userId}`;
}

function notEnrolled(): RpcErrorBody {
  return {
    code: RpcErrorCode.NotFound,
    message: 'You are not enrolled in this session. Join it with its enrollment code first.',
  };
}
