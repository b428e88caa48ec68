import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, ParticipantStatus, SessionView } from '@invigil/contracts';
import { Outbox, recordEvents, RunAfterCommit } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { staffActorOf } from '../accounts/staff-actor';
import { InvitationService } from '../invitations/invitation.service';
import { KnownSessions } from '../known-sessions/known-sessions';
import { SessionLookup } from '../known-sessions/session-lookup';
import { Participant } from '../participants/participant.entity';
import { bulkInsert, Columns } from './bulk-insert';
import { assertRosterOpen, lockSessionRoster } from './roster-lock';

/** One user to put on the roster, with their own time limit (both null: the session's). */
export interface RosterAddition {
  user: { id: string; displayName: string; email: string };
  timeLimitMinutes: number | null;
  timeLimitMultiplier: number | null;
}

/** Who adds, and whether the added are to be mailed an invitation once the change commits. */
export interface AdditionRequest {
  actorId: string;
  sendInvitation: boolean;
}

const PARTICIPANT_COLUMNS: Columns = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['session_id', 'uuid'],
  ['user_id', 'uuid'],
  ['display_name', 'text'],
  ['email', 'text'],
  ['status', 'text'],
  ['time_limit_minutes', 'integer'],
  ['time_limit_multiplier', 'double precision'],
  ['invited_at', 'timestamptz'],
  ['added_by', 'uuid'],
  ['updated_at', 'timestamptz'],
];

/**
 * Putting users on a session's roster, the one way manual addition and bulk import share: the
 * session must still be open, the change holds the roster lock, each added user becomes Invited
 * with one `participantAdded` event, and invitations are mailed only after the commit. Rows and
 * events go in bulk, so an import of 10,000 rows is a handful of statements in one transaction.
 */
@Injectable()
export class RosterAdditions {
  constructor(
    private readonly outbox: Outbox,
    private readonly lookup: SessionLookup,
    private readonly knownSessions: KnownSessions,
    private readonly invitations: InvitationService,
  ) {}

  /** The session as the sessions service has it now, refused when its roster can no longer change. */
  async openSession(orgId: string, sessionId: string): Promise<SessionView> {
    const session = await this.lookup.byId(orgId, sessionId);
    assertRosterOpen(session);
    return session;
  }

  /**
   * One transaction holding the session's roster lock, with the session's identity setting kept for
   * the participant views `work` returns. `afterCommit` queues work that must wait for the commit.
   */
  transaction<T>(
    session: SessionView,
    work: (em: EntityManager, afterCommit: RunAfterCommit) => Promise<T>,
  ): Promise<T> {
    return this.outbox.transaction(async (em, _emit, afterCommit) => {
      await lockSessionRoster(em, session.id);
      await this.knownSessions.remember(em, session);
      return work(em, afterCommit);
    });
  }

  /** Adds each user as Invited; call it inside `transaction`, for users not on the roster yet. */
  async add(
    em: EntityManager,
    afterCommit: RunAfterCommit,
    session: SessionView,
    request: AdditionRequest,
    additions: RosterAddition[],
  ): Promise<Participant[]> {
    const now = new Date();
    const participants = additions.map(({ user, timeLimitMinutes, timeLimitMultiplier }) =>
      Object.assign(new Participant(), {
        id: randomUUID(),
        orgId: session.orgId,
        sessionId: session.id,
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        status: ParticipantStatus.Invited,
        timeLimitMinutes,
        timeLimitMultiplier,
        invitedAt: now,
        addedBy: request.actorId,
        updatedAt: now,
      }),
    );
    await bulkInsert(em, 'participant', PARTICIPANT_COLUMNS, participants.map(participantRow));
    const actor = await staffActorOf(em, session.orgId, request.actorId);
    await recordEvents(
      em,
      Events.participantAdded,
      participants.map((participant) => ({
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        userId: participant.userId,
        displayName: participant.displayName,
        status: participant.status,
        timeLimitMinutes: participant.timeLimitMinutes,
        timeLimitMultiplier: participant.timeLimitMultiplier,
        invitationRequested: request.sendInvitation,
        ...actor,
      })),
    );
    const ids = participants.map((participant) => participant.id);
    if (request.sendInvitation && ids.length > 0) afterCommit(() => this.invitations.invite(session, ids));
    return participants;
  }
}

function participantRow(participant: Participant): object {
  return {
    id: participant.id,
    org_id: participant.orgId,
    session_id: participant.sessionId,
    user_id: participant.userId,
    display_name: participant.displayName,
    email: participant.email,
    status: participant.status,
    time_limit_minutes: participant.timeLimitMinutes,
    time_limit_multiplier: participant.timeLimitMultiplier,
    invited_at: participant.invitedAt,
    added_by: participant.addedBy,
    updated_at: participant.updatedAt,
  };
}
