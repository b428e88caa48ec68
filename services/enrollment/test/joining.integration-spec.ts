import type { ParticipantView, UserSearchPage } from '@invigil/contracts';
import {
  EnrollmentMode,
  Events,
  ParticipantStatus,
  Requests,
  Role,
  RpcErrorCode,
  SessionStatus,
} from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import { SessionsPeer, uniqueTag } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { UserAccount } from '../src/accounts/user.entity';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';
import { at, first } from '@invigil/server-testing';

const CANDIDATES = 50;

describe('joining rules and manual addition (real PostgreSQL, NATS; sessions answered by a peer)', () => {
  const tag = uniqueTag();
  const outbox = mkdtempSync(joinPath(tmpdir(), 'invigil-outbox-'));
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;
  let sessions: SessionsPeer;
  const candidates: string[] = [];
  const candidate = (index: number) => at(candidates, index);
  const proctor = DEMO_USERS[1];
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  beforeAll(async () => {
    ({ service, nats } = await startEnrollment(tag, { MAIL_OUTBOX_DIR: outbox }));
    const em = service.app.get(EntityManager).fork();
    const passwordHash = (await em.findOneOrFail(UserAccount, { id: DEMO_USERS[2].id })).passwordHash;
    for (let i = 0; i < CANDIDATES; i++) {
      const id = randomUUID();
      candidates.push(id);
      em.create(UserAccount, {
        id,
        orgId: DEMO_ORG.id,
        email: `load${String(i).padStart(2, '0')}-${tag}@demo.invigil.test`.toLowerCase(),
        displayName: `Load Candidate ${String(i).padStart(2, '0')}`,
        role: Role.Candidate,
        passwordHash,
        createdAt: new Date(),
      });
    }
    await em.flush();
    sessions = new SessionsPeer(nats);
  });

  afterAll(async () => {
    sessions?.stop();
    await stopEnrollment({ service, nats });
    rmSync(outbox, { recursive: true, force: true });
  });

  const join = (userId: string, code: string) =>
    nats.request<ParticipantView>(Requests.joinWithCode, { orgId: DEMO_ORG.id, userId, code }, 30_000);
  const add = (sessionId: string, entries: object[], sendInvitation = false) =>
    nats.request<ParticipantView[]>(Requests.addParticipants, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId,
      entries,
      sendInvitation,
    });

  it('fifty simultaneous joins to a ten-seat session enrol exactly ten; the rest hear it is full', async () => {
    const session = sessions.put({ maxUsers: 10 });
    const replies = await Promise.all(candidates.map((id) => join(id, session.enrollmentCode.toLowerCase())));
    const admitted = replies.filter((reply) => reply.response);
    const refused = replies.filter((reply) => reply.err);
    expect(admitted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const reply of refused) {
      expect(reply.err).toEqual({
        code: RpcErrorCode.Conflict,
        message: `The session "${session.name}" is full (10 participants); ask your proctor for a place.`,
      });
    }
    const roster = await nats.request<ParticipantView[]>(Requests.listParticipants, {
      orgId: DEMO_ORG.id,
      sessionId: session.id,
    });
    expect(roster.response).toHaveLength(10);
    expect(roster.response!.every((p) => p.status === ParticipantStatus.Waiting)).toBe(true);
  });

  it('an invited roster entry joins a full session without taking a new seat', async () => {
    const session = sessions.put({ maxUsers: 2 });
    const added = await add(session.id, [{ userId: candidate(0) }, { userId: candidate(1), timeLimitMultiplier: 1.5 }]);
    expect(added.err).toBeUndefined();
    expect(added.response!.map((p) => p.status)).toEqual([ParticipantStatus.Invited, ParticipantStatus.Invited]);
    const outsider = await join(candidate(2), session.enrollmentCode);
    expect(outsider.err?.message).toContain('is full (2 participants)');
    const invited = await join(candidate(1), session.enrollmentCode);
    expect(invited.response).toMatchObject({
      userId: candidate(1),
      status: ParticipantStatus.Waiting,
      timeLimitMultiplier: 1.5,
    });
    const again = await join(candidate(1), session.enrollmentCode);
    expect(again.response?.id).toBe(invited.response?.id);
  });

  it('manual mode refuses a user not on the roster and admits one the proctor added', async () => {
    const session = sessions.put({ enrollmentMode: EnrollmentMode.Manual });
    const stranger = await join(candidate(3), session.enrollmentCode);
    expect(stranger.err).toEqual({
      code: RpcErrorCode.Forbidden,
      message: 'This session is manual enrollment only and you are not on its roster; ask your proctor to add you.',
    });
    await add(session.id, [{ userId: candidate(3) }]);
    expect((await join(candidate(3), session.enrollmentCode)).response?.status).toBe(ParticipantStatus.Waiting);
  });

  it('hybrid mode takes both the code and the roster', async () => {
    const session = sessions.put({ enrollmentMode: EnrollmentMode.Hybrid });
    expect((await join(candidate(4), session.enrollmentCode)).response?.status).toBe(ParticipantStatus.Waiting);
    await add(session.id, [{ userId: candidate(5) }]);
    expect((await join(candidate(5), session.enrollmentCode)).response?.status).toBe(ParticipantStatus.Waiting);
  });

  it('refuses an unknown code, a cancelled and an ended session, each saying why', async () => {
    const unknown = await join(candidate(6), 'NOSUCH');
    expect(unknown.err).toEqual({
      code: RpcErrorCode.NotFound,
      message: 'No session has the enrollment code "NOSUCH". Check the code with your proctor.',
    });
    const cancelled = sessions.put({ status: SessionStatus.Cancelled });
    expect((await join(candidate(6), cancelled.enrollmentCode)).err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `The session "${cancelled.name}" has been cancelled; it takes no more participants.`,
    });
    const ended = sessions.put({ status: SessionStatus.Ended, startedAt: minutesAgo(60), endedAt: minutesAgo(5) });
    expect((await join(candidate(6), ended.enrollmentCode)).err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `The session "${ended.name}" has ended; it takes no more participants.`,
    });
  });

  it('late entry: refused after the start without it; inside its window straight in, outside refused', async () => {
    const noLate = sessions.put({ status: SessionStatus.InProgress, startedAt: minutesAgo(1) });
    expect((await join(candidate(7), noLate.enrollmentCode)).err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `The session "${noLate.name}" has already started and does not allow late entry; ask your proctor.`,
    });
    const inside = sessions.put({
      status: SessionStatus.InProgress,
      startedAt: minutesAgo(5),
      lateEntry: true,
      lateEntryMinutes: 10,
    });
    expect((await join(candidate(7), inside.enrollmentCode)).response?.status).toBe(ParticipantStatus.InSession);
    const outside = sessions.put({
      status: SessionStatus.InProgress,
      startedAt: minutesAgo(15),
      lateEntry: true,
      lateEntryMinutes: 10,
    });
    const refused = await join(candidate(7), outside.enrollmentCode);
    expect(refused.err?.code).toBe(RpcErrorCode.Conflict);
    expect(refused.err?.message).toMatch(
      new RegExp(
        `^Late entry to "${outside.name}" closed at .+ \\(10 minutes after the start\\); ask your proctor\\.$`,
      ),
    );
  });

  it('manual addition: refuses over the maximum, both limit forms at once, and users of other organizations', async () => {
    const session = sessions.put({ maxUsers: 1 });
    const over = await add(session.id, [{ userId: candidate(8) }, { userId: candidate(9) }]);
    expect(over.err?.message).toBe(
      "Adding 2 would exceed the session's maximum of 1 participants (0 already on the roster, 1 places left).",
    );
    const both = await add(session.id, [{ userId: candidate(8), timeLimitMinutes: 60, timeLimitMultiplier: 1.5 }]);
    expect(both.err?.details).toEqual([
      'entries.0.timeLimitMinutes: give timeLimitMinutes or timeLimitMultiplier, not both',
    ]);
    const foreign = await add(session.id, [{ userId: randomUUID() }]);
    expect(foreign.err?.code).toBe(RpcErrorCode.NotFound);
    const badMultiplier = await add(session.id, [{ userId: candidate(8), timeLimitMultiplier: 0.5 }]);
    expect(badMultiplier.err?.code).toBe(RpcErrorCode.ValidationFailed);
  });

  it('updates an individual limit and removes only Invited or Waiting participants', async () => {
    const session = sessions.put({});
    const row = first((await add(session.id, [{ userId: candidate(10), timeLimitMinutes: 60 }])).response!);
    expect(row).toMatchObject({ timeLimitMinutes: 60, timeLimitMultiplier: null, invitedAt: expect.any(String) });
    const updated = await nats.request<ParticipantView>(Requests.updateParticipantTimeLimit, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId: session.id,
      participantId: row.id,
      timeLimitMinutes: null,
      timeLimitMultiplier: 1.25,
    });
    expect(updated.response).toMatchObject({ timeLimitMinutes: null, timeLimitMultiplier: 1.25 });
    const removed = await nats.request<ParticipantView>(Requests.removeParticipant, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId: session.id,
      participantId: row.id,
    });
    expect(removed.response?.id).toBe(row.id);
    // The record names who changed the roster, in which role, and the limit before the change.
    const sent = await service.app
      .get(EntityManager)
      .fork()
      .execute<{ subject: string; payload: Record<string, unknown> }[]>(
        `select subject, payload from outbox where payload->>'participantId' = ? order by seq`,
        [row.id],
      );
    expect(sent.map(({ subject, payload }) => [subject, payload['actorId'], payload['actorRole']])).toEqual([
      [Events.participantAdded, proctor.id, Role.Proctor],
      [Events.participantTimeLimitChanged, proctor.id, Role.Proctor],
      [Events.participantRemoved, proctor.id, Role.Proctor],
    ]);
    expect(sent[1]?.payload).toMatchObject({ previousTimeLimitMinutes: 60, previousTimeLimitMultiplier: null });
    const running = sessions.put({
      status: SessionStatus.InProgress,
      startedAt: minutesAgo(1),
      lateEntry: true,
      lateEntryMinutes: 30,
    });
    const inSession = (await join(candidate(11), running.enrollmentCode)).response!;
    const refused = await nats.request(Requests.removeParticipant, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId: running.id,
      participantId: inSession.id,
    });
    expect(refused.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `${inSession.displayName} is in session; only Invited or Waiting participants can be removed.`,
    });
  });

  it('without SMTP_URL writes invitations as .eml files to the outbox folder', async () => {
    const session = sessions.put({ enrollmentCode: 'OUTBOX7' });
    const added = await add(session.id, [{ userId: candidate(12) }], true);
    expect(first(added.response!).invitationSentAt).toEqual(expect.any(String));
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const raw = readFileSync(joinPath(outbox, first(files)), 'utf8');
    expect(raw).toContain(`To: ${first(added.response!).email}`);
    expect(raw).toContain('OUTBOX7');
  });

  it("searches the organization's users by name or email, paged", async () => {
    const page = await nats.request<UserSearchPage>(Requests.searchUsers, {
      orgId: DEMO_ORG.id,
      query: 'load candidate',
      page: 2,
      pageSize: 20,
    });
    expect(page.response).toMatchObject({ total: CANDIDATES, page: 2, pageSize: 20 });
    expect(page.response!.items[0]).toMatchObject({
      displayName: 'Load Candidate 20',
      role: Role.Candidate,
      timeZone: 'UTC',
    });
    const byEmail = await nats.request<UserSearchPage>(Requests.searchUsers, {
      orgId: DEMO_ORG.id,
      query: 'PROCTOR@demo',
    });
    expect(byEmail.response!.items.map((u) => u.id)).toEqual([proctor.id]);
    const rival = await nats.request<UserSearchPage>(Requests.searchUsers, {
      orgId: '00000000-0000-4000-8000-000000000002',
      query: 'load',
    });
    expect(rival.response!.total).toBe(0);
  });

  it("lists only the roles asked for (the session form's proctor picker) and names a wrong one", async () => {
    const staff = await nats.request<UserSearchPage>(Requests.searchUsers, {
      orgId: DEMO_ORG.id,
      roles: [Role.Proctor, Role.Admin],
      pageSize: 100,
    });
    expect(staff.response?.items.map((user) => user.role).sort()).toEqual([Role.Admin, Role.Proctor]);
    const wrong = await nats.request(Requests.searchUsers, { orgId: DEMO_ORG.id, roles: ['janitor'] });
    expect(wrong.err?.details?.join(' ')).toMatch(/role must be one of: admin, proctor, candidate/);
  });
});
