import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentView, AttachViewReply, AttemptSummaryView, AttemptView, SessionView } from '@invigil/contracts';
import { AttemptStatus, Events, Requests, Role, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { eventually, first } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { AttemptsService } from '../src/attempts/attempts.service';
import { DeadlineQueue } from '../src/attempts/deadline-queue';
import { deadlineJobId } from '../src/attempts/deadline-job';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { storedEvents } from './support/events';
import { flexibleSettings } from './support/fixtures';
import { SessionsSuite } from './support/sessions-suite';

/**
 * The proctor's answers to a technical problem, against the real PostgreSQL, NATS and Redis:
 * reopening a submitted attempt, crediting recorded disconnection, releasing a stuck live view.
 */
describe('sessions service: recovering an attempt after a technical problem', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    assessment = await suite.createAssessment(orgId, proctorId);
  });

  afterAll(() => suite.stop());

  const db = (): EntityManager => suite.db();
  const deadlineVersion = async (attemptId: string) =>
    first(
      await db().execute<{ deadline_version: number }[]>(`select deadline_version from attempt where id = ?`, [
        attemptId,
      ]),
    ).deadline_version;

  async function runningSession(candidate: string, durationMinutes = 30): Promise<SessionView> {
    const created = await nats.request<SessionView>(Requests.createSession, {
      orgId,
      actorId: proctorId,
      settings: flexibleSettings(assessment.id, { durationMinutes, gracePeriodSeconds: 0 }),
    });
    const session = created.response as SessionView;
    enrollment.enroll(orgId, session.id, candidate);
    expect(
      (await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id })).err,
    ).toBeUndefined();
    return session;
  }

  const open = async (sessionId: string, userId: string) =>
    (await nats.request<AttemptView>(Requests.openAttempt, { orgId, sessionId, userId })).response as AttemptView;
  const proctor = (subject: string, sessionId: string, userId: string, extra: object = {}, org = orgId) =>
    nats.request<AttemptSummaryView>(subject, { orgId: org, actorId: proctorId, sessionId, userId, ...extra });
  const save = (sessionId: string, userId: string, questionId: string, clientSeq: number, selectedOption: number) =>
    nats.request(Requests.saveAnswer, { orgId, sessionId, userId, questionId, clientSeq, answer: { selectedOption } });
  const attach = (sessionId: string, userId: string, viewId: string, takeover = false) =>
    nats.request<AttachViewReply>(Requests.attachAttemptView, {
      orgId,
      sessionId,
      userId,
      viewId,
      takeover,
      connectionId: `c-${viewId}`,
    });

  /** A candidate who answered one question and whose time ran out: the deadline job's own call submits it. */
  async function autoSubmitted(candidate: string) {
    const session = await runningSession(candidate, 1);
    const opened = await open(session.id, candidate);
    const questionId = first(opened.questions).id;
    expect((await save(session.id, candidate, questionId, 1, 1)).err).toBeUndefined();
    await db().execute(`update attempt set started_at = now() - interval '5 minutes' where id = ?`, [opened.id]);
    const result = await suite.service.app.get(AttemptsService).submitIfDue(orgId, opened.id);
    expect(result.outcome).toBe('submitted');
    return { session, attemptId: opened.id, questionId };
  }

  it('reopens an auto-submitted attempt with its answers and exactly the minutes given back', async () => {
    const candidate = randomUUID();
    const { session, attemptId, questionId } = await autoSubmitted(candidate);
    const reply = await proctor(Requests.reopenAttempt, session.id, candidate, { reason: 'Power cut', minutes: 15 });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toMatchObject({ status: AttemptStatus.InProgress, autoSubmitted: false });
    expect(reply.response?.remainingSeconds).toBeGreaterThanOrEqual(15 * 60 - 1);
    expect(reply.response?.remainingSeconds).toBeLessThanOrEqual(15 * 60);

    const reopened = await open(session.id, candidate);
    expect(reopened).toMatchObject({ status: AttemptStatus.InProgress, timeOver: false, submittedAt: null });
    expect(reopened.answers).toMatchObject([{ questionId, answer: { selectedOption: 1 } }]);
    expect((await save(session.id, candidate, questionId, 2, 0)).err).toBeUndefined();

    const job = await suite.service.app
      .get(DeadlineQueue)
      .queue.getJob(deadlineJobId(attemptId, await deadlineVersion(attemptId)));
    expect(job?.delay).toBeGreaterThan(14 * 60_000);
    const event = (await storedEvents(nats, Events.attemptReopened)).find((e) => e.data.attemptId === attemptId);
    expect(event?.data).toMatchObject({ actorId: proctorId, reason: 'Power cut', minutes: 15, userId: candidate });
  });

  it('refuses to reopen a running attempt, bad input, another organization and an ended session', async () => {
    const candidate = randomUUID();
    const session = await runningSession(candidate);
    await open(session.id, candidate);
    const running = await proctor(Requests.reopenAttempt, session.id, candidate, { reason: 'Crash', minutes: 5 });
    expect(running.err).toEqual({ code: RpcErrorCode.Conflict, message: expect.stringMatching(/still in progress/) });
    for (const bad of [
      { reason: 'ab', minutes: 5 },
      { reason: 'Crash', minutes: 0 },
      { reason: 'Crash', minutes: 601 },
    ]) {
      expect((await proctor(Requests.reopenAttempt, session.id, candidate, bad)).err?.code).toBe(
        RpcErrorCode.ValidationFailed,
      );
    }
    const elsewhere = await proctor(
      Requests.reopenAttempt,
      session.id,
      candidate,
      { reason: 'Crash', minutes: 5 },
      randomUUID(),
    );
    expect(elsewhere.err?.code).toBe(RpcErrorCode.NotFound);

    expect(
      (await nats.request(Requests.endSession, { orgId, actorId: proctorId, sessionId: session.id })).err,
    ).toBeUndefined();
    // The attempt is still open, so End Session's grace (2 s in the suites) runs before the session ends.
    await eventually(async () => (await open(session.id, candidate)).status === AttemptStatus.Submitted);
    const ended = await proctor(Requests.reopenAttempt, session.id, candidate, { reason: 'Crash', minutes: 5 });
    expect(ended.err).toEqual({ code: RpcErrorCode.Conflict, message: expect.stringMatching(/has ended/) });
    expect((await open(session.id, candidate)).status).toBe(AttemptStatus.Submitted);
  });

  it('credits recorded disconnection, never more than was recorded and not yet credited', async () => {
    const candidate = randomUUID();
    const session = await runningSession(candidate);
    const attached = (await attach(session.id, candidate, 'view-credit')).response;
    const attemptId = attached?.attached ? attached.attempt.id : '';
    await nats.request(Requests.reportAttemptPresence, {
      orgId,
      attemptId,
      viewId: 'view-credit',
      connectionId: 'c-view-credit',
      connected: false,
      lastSeenAt: new Date(Date.now() - 40_000).toISOString(),
    });
    await attach(session.id, candidate, 'view-credit');
    const listed = (await nats.request<AttemptSummaryView[]>(Requests.listAttempts, { orgId, sessionId: session.id }))
      .response;
    const before = first(listed ?? []);
    expect(before.creditableSeconds).toBeGreaterThanOrEqual(39);

    const tooMuch = await proctor(Requests.creditAttempt, session.id, candidate, {
      seconds: before.creditableSeconds + 1,
    });
    expect(tooMuch.err?.code).toBe(RpcErrorCode.Conflict);
    expect(tooMuch.err?.message).toContain(`${before.creditableSeconds} s of recorded disconnection`);

    const credited = await proctor(Requests.creditAttempt, session.id, candidate, {
      seconds: before.creditableSeconds,
    });
    expect(credited.response?.creditableSeconds).toBe(0);
    expect(credited.response?.remainingSeconds).toBeGreaterThanOrEqual(
      before.remainingSeconds + before.creditableSeconds - 2,
    );
    expect((await proctor(Requests.creditAttempt, session.id, candidate, { seconds: 1 })).err?.code).toBe(
      RpcErrorCode.Conflict,
    );
    const event = (await storedEvents(nats, Events.attemptTimeCredited)).find((e) => e.data.attemptId === attemptId);
    expect(event?.data).toMatchObject({ actorId: proctorId, creditedSeconds: before.creditableSeconds });
    expect(
      await suite.service.app
        .get(DeadlineQueue)
        .queue.getJob(deadlineJobId(attemptId, await deadlineVersion(attemptId))),
    ).toBeDefined();
  });

  it('releases a stuck live view so another one attaches without confirming a takeover', async () => {
    const candidate = randomUUID();
    const session = await runningSession(candidate);
    await attach(session.id, candidate, 'view-broken-laptop');
    expect((await attach(session.id, candidate, 'view-backup')).response).toEqual({
      attached: false,
      reason: 'another-view-live',
    });
    const released = await proctor(Requests.releaseAttemptView, session.id, candidate);
    expect(released.response).toMatchObject({ connected: false });
    expect((await attach(session.id, candidate, 'view-backup')).response).toMatchObject({
      attached: true,
      attempt: { liveViewId: 'view-backup' },
    });
    const event = (await storedEvents(nats, Events.attemptViewReleased)).find((e) => e.data.userId === candidate);
    expect(event?.data).toMatchObject({ actorId: proctorId, releasedViewId: 'view-broken-laptop' });
    expect((await storedEvents(nats, Events.attemptViewTakenOver)).some((e) => e.data.userId === candidate)).toBe(
      false,
    );
  });
});
