import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AssessmentView,
  AttachViewReply,
  AttemptSummaryView,
  AttemptView,
  SaveAnswerAck,
  SessionSettingsBody,
  SessionView,
} from '@invigil/contracts';
import { AttemptStatus, Events, IdentityStatus, Requests, Role, RpcErrorCode, TimeLimitMode } from '@invigil/contracts';
import { encodePresenceMember, presenceKey } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually, testRedisUrl } from '@invigil/server-testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DeadlineQueue } from '../src/attempts/deadline-queue';
import { deadlineJobId } from '../src/attempts/deadline-job';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { storedEvents } from './support/events';
import { flexibleSettings } from './support/fixtures';
import { first, firstItems } from '@invigil/server-testing';
import { deleteQueueKeys } from './support/sessions-under-test';
import { SessionsSuite } from './support/sessions-suite';

interface AttemptRow {
  status: string;
  auto_submitted: boolean;
  paused_since: Date | null;
  disconnected_ms: string;
  deadline_version: number;
  question_times_ms: Record<string, number>;
}

/**
 * The exam runtime against the real PostgreSQL, NATS and Redis: the server's clock with pauses and
 * extensions, the persistent deadline job (across a restart), one live view per attempt, presence.
 */
describe('sessions service: the exam runtime', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;
  let redis: Redis;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    assessment = await suite.createAssessment(orgId, proctorId);
  });

  afterAll(async () => {
    await redis?.quit();
    await suite.stop();
  });

  const db = (): EntityManager => suite.db();
  const attemptRow = async (attemptId: string) =>
    first(await db().execute<AttemptRow[]>(`select * from attempt where id = ?`, [attemptId]));

  /** A started session with the given candidates enrolled. */
  async function runningSession(
    settings: Partial<SessionSettingsBody>,
    ...candidates: { userId: string; details?: Parameters<EnrollmentPeer['enroll']>[3] }[]
  ): Promise<SessionView> {
    const session = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(assessment.id, settings),
      })
    ).response as SessionView;
    for (const candidate of candidates) enrollment.enroll(orgId, session.id, candidate.userId, candidate.details);
    const started = await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id });
    expect(started.err).toBeUndefined();
    return session;
  }

  const open = async (sessionId: string, userId: string) =>
    (await nats.request<AttemptView>(Requests.openAttempt, { orgId, sessionId, userId })).response as AttemptView;
  const proctor = (subject: string, sessionId: string, userId: string, extra: object = {}) =>
    nats.request<AttemptSummaryView>(subject, { orgId, actorId: proctorId, sessionId, userId, ...extra });
  const attach = (sessionId: string, userId: string, viewId: string, takeover = false, connectionId = `c-${viewId}`) =>
    nats.request<AttachViewReply>(Requests.attachAttemptView, {
      orgId,
      sessionId,
      userId,
      viewId,
      takeover,
      connectionId,
    });

  it('gives each candidate their own time limit under individual limits', async () => {
    const [plain, minutes, multiplier] = [randomUUID(), randomUUID(), randomUUID()];
    const session = await runningSession(
      { durationMinutes: 40, timeLimitMode: TimeLimitMode.Individual },
      { userId: plain },
      { userId: minutes, details: { timeLimitMinutes: 55 } },
      { userId: multiplier, details: { timeLimitMultiplier: 1.5 } },
    );
    const remaining = await Promise.all(
      [plain, minutes, multiplier].map(async (userId) => (await open(session.id, userId)).remainingSeconds),
    );
    expect(remaining.map((seconds) => Math.ceil(seconds / 60))).toEqual([40, 55, 60]);
  });

  it('runs 45 min × 1.5 as 4 050 000 ms (67:30) under individual limits, and the duration when session-wide', async () => {
    const [individual, sessionWide] = [randomUUID(), randomUUID()];
    const limitOf = async (mode: TimeLimitMode, userId: string) => {
      const session = await runningSession(
        { durationMinutes: 45, timeLimitMode: mode },
        { userId, details: { timeLimitMultiplier: 1.5 } },
      );
      const opened = await open(session.id, userId);
      const sql = `select time_limit_ms from attempt where id = ?`;
      const row = first(await db().execute<{ time_limit_ms: string }[]>(sql, [opened.id]));
      return { stored: Number(row.time_limit_ms), remainingSeconds: opened.remainingSeconds };
    };
    const accommodated = await limitOf(TimeLimitMode.Individual, individual);
    expect(accommodated.stored).toBe(4_050_000);
    expect(accommodated.remainingSeconds).toBeLessThanOrEqual(4050);
    expect(accommodated.remainingSeconds).toBeGreaterThan(4040);
    expect((await limitOf(TimeLimitMode.SessionWide, sessionWide)).stored).toBe(45 * 60_000);
  });

  it('opens the exam only after an approved identity check when the session verifies identity', async () => {
    const [waiting, approved] = [randomUUID(), randomUUID()];
    const session = await runningSession(
      { security: { browserLockdown: false, screenMonitoring: false, identityVerification: true } },
      { userId: waiting, details: { identityStatus: IdentityStatus.Submitted } },
      { userId: approved, details: { identityStatus: IdentityStatus.Approved } },
    );
    const refused = await nats.request(Requests.openAttempt, { orgId, sessionId: session.id, userId: waiting });
    expect(refused.err?.code).toBe(RpcErrorCode.Forbidden);
    expect(refused.err?.message).toMatch(/waiting for your proctor to check them/);
    expect(
      (await db().execute(`select 1 from attempt where session_id = ? and user_id = ?`, [session.id, waiting])).length,
    ).toBe(0);
    expect((await open(session.id, approved)).status).toBe(AttemptStatus.InProgress);
  });

  it('stops the clock while the proctor pauses a candidate and moves the deadline job on resume', async () => {
    const candidate = randomUUID();
    const session = await runningSession({ durationMinutes: 30 }, { userId: candidate });
    const opened = await open(session.id, candidate);
    const deadlines = suite.service.app.get(DeadlineQueue);
    expect(await deadlines.queue.getJob(deadlineJobId(opened.id, 0))).toBeDefined();

    const paused = (await proctor(Requests.pauseAttempt, session.id, candidate)).response as AttemptSummaryView;
    expect(paused.paused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const whilePaused = await open(session.id, candidate);
    expect(whilePaused).toMatchObject({ paused: true, pausedBy: 'proctor', remainingSeconds: paused.remainingSeconds });

    const resumed = (await proctor(Requests.resumeAttempt, session.id, candidate)).response as AttemptSummaryView;
    expect(resumed.paused).toBe(false);
    expect(resumed.remainingSeconds).toBeGreaterThanOrEqual(paused.remainingSeconds - 1);
    expect((await attemptRow(opened.id)).deadline_version).toBe(1);
    expect(await deadlines.queue.getJob(deadlineJobId(opened.id, 1))).toBeDefined();
    const events = await storedEvents(nats, Events.attemptPaused);
    expect(events.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ attemptId: opened.id, pausedBy: 'proctor' }),
    );
  });

  it('pauses every attempt with the session and leaves a proctor-paused candidate paused on resume', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const session = await runningSession({}, { userId: one }, { userId: two });
    await open(session.id, one);
    await open(session.id, two);
    await proctor(Requests.pauseAttempt, session.id, two);
    expect(
      (await nats.request(Requests.pauseSession, { orgId, actorId: proctorId, sessionId: session.id, reason: 'Test' }))
        .err,
    ).toBeUndefined();
    expect((await open(session.id, one)).pausedBy).toBe('session');
    expect(
      (await nats.request(Requests.resumeSession, { orgId, actorId: proctorId, sessionId: session.id })).err,
    ).toBeUndefined();
    expect((await open(session.id, one)).paused).toBe(false);
    expect(await open(session.id, two)).toMatchObject({ paused: true, pausedBy: 'proctor' });
  });

  it('adds an extension to the remaining time and to the deadline', async () => {
    const candidate = randomUUID();
    const session = await runningSession({ durationMinutes: 10 }, { userId: candidate });
    const opened = await open(session.id, candidate);
    const extended = (await proctor(Requests.extendAttempt, session.id, candidate, { minutes: 5 }))
      .response as AttemptSummaryView;
    expect(extended).toMatchObject({ extensionMinutes: 5 });
    expect(Math.ceil(extended.remainingSeconds / 60)).toBe(15);
    const bad = await proctor(Requests.extendAttempt, session.id, candidate, { minutes: 0 });
    expect(bad.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(await suite.service.app.get(DeadlineQueue).queue.getJob(deadlineJobId(opened.id, 1))).toBeDefined();
  });

  it('submits automatically at the deadline, also when the service restarted in between, and refuses later saves', async () => {
    const candidate = randomUUID();
    const session = await runningSession({ durationMinutes: 1, gracePeriodSeconds: 0 }, { userId: candidate });
    const opened = await open(session.id, candidate);
    const questionId = first(opened.questions).id;
    const saved = await nats.request<SaveAnswerAck>(Requests.saveAnswer, {
      orgId,
      sessionId: session.id,
      userId: candidate,
      questionId,
      clientSeq: 1,
      answer: { selectedOption: 1 },
    });
    expect(saved.err).toBeUndefined();

    // The time runs out while the service is down (the clock is moved back, not waited for), and Redis forgets the job.
    await db().execute(`update attempt set started_at = now() - interval '2 minutes' where id = ?`, [opened.id]);
    await suite.restart(() => deleteQueueKeys(suite.tag));

    await eventually(
      async () => (await attemptRow(opened.id)).status === AttemptStatus.Submitted,
      15_000,
      'the attempt submitted by its deadline job',
    );
    expect((await attemptRow(opened.id)).auto_submitted).toBe(true);
    const submitted = (await storedEvents(nats, Events.attemptSubmitted)).find((e) => e.data.attemptId === opened.id);
    expect(submitted?.data).toMatchObject({
      automatic: true,
      answers: [{ questionId, answer: { selectedOption: 1 } }],
    });

    const late = await nats.request(Requests.saveAnswer, {
      orgId,
      sessionId: session.id,
      userId: candidate,
      questionId,
      clientSeq: 2,
      answer: { selectedOption: 2 },
    });
    expect(late.err?.code).toBe(RpcErrorCode.Conflict);
  });

  it('refuses answers after the deadline with a clear error and stores nothing', async () => {
    const candidate = randomUUID();
    const session = await runningSession({ durationMinutes: 1, gracePeriodSeconds: 0 }, { userId: candidate });
    const opened = await open(session.id, candidate);
    await db().execute(`update attempt set started_at = now() - interval '61 seconds' where id = ?`, [opened.id]);
    const late = await nats.request(Requests.saveAnswer, {
      orgId,
      sessionId: session.id,
      userId: candidate,
      questionId: first(opened.questions).id,
      clientSeq: 1,
      answer: { selectedOption: 0 },
    });
    expect(late.err).toEqual({ code: RpcErrorCode.Conflict, message: 'Time is over; this answer was not saved.' });
    expect(await db().execute(`select 1 from answer where attempt_id = ?`, [opened.id])).toHaveLength(0);
    expect((await open(session.id, candidate)).timeOver).toBe(true);
  });

  it('keeps one live view: a second one takes over only when confirmed, and the old one can no longer save', async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, { userId: candidate });
    const firstView = (await attach(session.id, candidate, 'view-first-tab')).response;
    expect(firstView).toMatchObject({ attached: true });
    expect((await attach(session.id, candidate, 'view-first-tab')).response).toMatchObject({ attached: true });
    expect((await attach(session.id, candidate, 'view-second-tab')).response).toEqual({
      attached: false,
      reason: 'another-view-live',
    });
    const taken = (await attach(session.id, candidate, 'view-second-tab', true)).response;
    expect(taken).toMatchObject({ attached: true, attempt: { liveViewId: 'view-second-tab' } });
    const takeover = (await storedEvents(nats, Events.attemptViewTakenOver)).find((e) => e.data.userId === candidate);
    expect(takeover?.data).toMatchObject({ viewId: 'view-second-tab', previousViewId: 'view-first-tab' });

    const attemptId = firstView && firstView.attached ? firstView.attempt.id : '';
    const questionId = firstView && firstView.attached ? first(firstView.attempt.questions).id : '';
    const stale = await nats.request(Requests.saveAnswer, {
      orgId,
      sessionId: session.id,
      userId: candidate,
      questionId,
      clientSeq: 1,
      viewId: 'view-first-tab',
      answer: { selectedOption: 0 },
    });
    expect(stale.err?.code).toBe(RpcErrorCode.Conflict);
    expect(stale.err?.message).toMatch(/continues in another window/);
    expect(await db().execute(`select 1 from answer where attempt_id = ?`, [attemptId])).toHaveLength(0);
  });

  it('records disconnections: a silent view is swept out, a stale report is ignored, the return is announced with its duration', async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, { userId: candidate });
    const reply = (await attach(session.id, candidate, 'view-presence', false, 'conn-1')).response;
    const attemptId = reply && reply.attached ? reply.attempt.id : '';

    const stale = await nats.request<{ recorded: boolean }>(Requests.reportAttemptPresence, {
      orgId,
      attemptId,
      viewId: 'view-presence',
      connectionId: 'conn-0',
      connected: false,
      lastSeenAt: new Date().toISOString(),
    });
    expect(stale.response).toEqual({ recorded: false });

    // A gateway that died leaves its last heartbeat behind: the sweeper finds it too old.
    const member = encodePresenceMember({ orgId, attemptId, viewId: 'view-presence', connectionId: 'conn-1' });
    await redis.zadd(presenceKey(nats.prefix), Date.now() - 60_000, member);
    const disconnected = await eventually(
      async () => (await storedEvents(nats, Events.attemptDisconnected)).find((e) => e.data.attemptId === attemptId),
      10_000,
      'the disconnection event',
    );
    expect(new Date(disconnected.data.since).getTime()).toBeLessThan(Date.now() - 50_000);

    expect((await attach(session.id, candidate, 'view-presence', false, 'conn-2')).response).toMatchObject({
      attached: true,
    });
    const back = (await storedEvents(nats, Events.attemptReconnected)).find((e) => e.data.attemptId === attemptId);
    expect(back?.data.disconnectedSeconds).toBeGreaterThanOrEqual(59);
    expect(Number((await attemptRow(attemptId)).disconnected_ms)).toBeGreaterThanOrEqual(59_000);
    const summaries =
      (await nats.request<AttemptSummaryView[]>(Requests.listAttempts, { orgId, sessionId: session.id })).response ??
      [];
    expect(summaries.find((s) => s.attemptId === attemptId)).toMatchObject({ connected: true });
  });

  it('keeps flags and the position on the server, in question order, and refuses questions of other assessments', async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, { userId: candidate });
    const opened = await open(session.id, candidate);
    const [q1, q2, q3] = firstItems(
      opened.questions.map((q) => q.id),
      3,
    );
    const base = { orgId, sessionId: session.id, userId: candidate };
    await nats.request(Requests.flagQuestion, { ...base, questionId: q3, flagged: true });
    const flags = await nats.request<{ flaggedQuestionIds: string[] }>(Requests.flagQuestion, {
      ...base,
      questionId: q1,
      flagged: true,
    });
    expect(flags.response?.flaggedQuestionIds).toEqual([q1, q3]);
    await nats.request(Requests.navigateAttempt, { ...base, questionId: q2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nats.request(Requests.navigateAttempt, { ...base, questionId: q3 });
    expect(await open(session.id, candidate)).toMatchObject({ flaggedQuestionIds: [q1, q3], currentQuestionId: q3 });
    expect((await attemptRow(opened.id)).question_times_ms[q2]).toBeGreaterThanOrEqual(250);
    const foreign = await nats.request(Requests.flagQuestion, { ...base, questionId: randomUUID(), flagged: true });
    expect(foreign.err?.code).toBe(RpcErrorCode.ValidationFailed);
  });

  it("submits every open attempt when the proctor ends the session, after End Session's grace", async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, { userId: candidate });
    const opened = await open(session.id, candidate);
    expect(
      (await nats.request(Requests.endSession, { orgId, actorId: proctorId, sessionId: session.id })).err,
    ).toBeUndefined();
    // The suite's default grace is 2 s (emergency-procedures.integration-spec.ts covers the grace itself).
    await eventually(async () => (await attemptRow(opened.id)).status === AttemptStatus.Submitted);
    expect(await attemptRow(opened.id)).toMatchObject({ status: AttemptStatus.Submitted, auto_submitted: true });
  });
});
