import type { AssessmentView, AttemptView, SaveAnswerAck, SessionSettingsBody, SessionView } from '@invigil/contracts';
import { AttemptStatus, Events, Requests, Role, RpcErrorCode, SessionStatus } from '@invigil/contracts';
import { OutboxRelay } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually, first } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { storedEvents } from './support/events';
import { flexibleSettings } from './support/fixtures';
import { SessionsSuite } from './support/sessions-suite';

/**
 * The guide's emergency procedures against the real PostgreSQL, NATS and Redis (BullMQ): pause all
 * with a reason and a message, reschedule a running session (answers and remaining time kept,
 * resumed by the scheduled-start job), and End Session with its grace and the ending job.
 */
describe('sessions service: emergency procedures', () => {
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

  async function runningSession(settings: Partial<SessionSettingsBody>, ...candidates: string[]) {
    const created = await nats.request<SessionView>(Requests.createSession, {
      orgId,
      actorId: proctorId,
      settings: flexibleSettings(assessment.id, settings),
    });
    const session = created.response as SessionView;
    for (const userId of candidates) enrollment.enroll(orgId, session.id, userId);
    expect((await command(Requests.startSession, session.id)).err).toBeUndefined();
    return session;
  }

  const command = (subject: string, sessionId: string, extra: object = {}) =>
    nats.request<SessionView>(subject, { orgId, actorId: proctorId, sessionId, ...extra });
  const open = async (sessionId: string, userId: string) =>
    (await nats.request<AttemptView>(Requests.openAttempt, { orgId, sessionId, userId })).response as AttemptView;
  const get = async (sessionId: string) =>
    (await nats.request<SessionView>(Requests.getSession, { orgId, sessionId })).response as SessionView;
  const save = (sessionId: string, userId: string, questionId: string, clientSeq: number, selectedOption: number) =>
    nats.request<SaveAnswerAck>(Requests.saveAnswer, {
      orgId,
      sessionId,
      userId,
      questionId,
      clientSeq,
      answer: { selectedOption },
    });
  const relayed = () => eventually(async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0);
  const eventsOf = async <S extends typeof Events.sessionPaused | typeof Events.sessionRescheduled>(
    subject: S,
    sessionId: string,
  ) => (await storedEvents(nats, subject)).filter((event) => event.data.sessionId === sessionId);

  it('pauses the whole session with a reason, shows candidates the message, and refuses a pause without a reason', async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, candidate);
    await open(session.id, candidate);

    const bare = await command(Requests.pauseSession, session.id);
    expect(bare.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect((await get(session.id)).status).toBe(SessionStatus.InProgress);

    const paused = await command(Requests.pauseSession, session.id, {
      reason: 'Fire alarm in building C',
      message: 'Please leave the room calmly; your time is stopped.',
    });
    expect(paused.response).toMatchObject({
      status: SessionStatus.Paused,
      pauseReason: 'Fire alarm in building C',
      pauseMessage: 'Please leave the room calmly; your time is stopped.',
    });
    const seen = await open(session.id, candidate);
    expect(seen).toMatchObject({ paused: true, pausedBy: 'session' });
    expect(seen.sessionNotice.message).toBe('Please leave the room calmly; your time is stopped.');

    await relayed();
    expect(first(await eventsOf(Events.sessionPaused, session.id)).data).toMatchObject({
      reason: 'Fire alarm in building C',
      message: 'Please leave the room calmly; your time is stopped.',
      actorId: proctorId,
    });
    const resumed = await command(Requests.resumeSession, session.id);
    expect(resumed.response).toMatchObject({ status: SessionStatus.InProgress, pauseReason: null, pauseMessage: null });
    expect((await open(session.id, candidate)).sessionNotice.message).toBeNull();
  });

  it('reschedules a running session: attempts pause with answers and remaining time, and resume at the new start', async () => {
    const candidate = randomUUID();
    const session = await runningSession({}, candidate);
    const opened = await open(session.id, candidate);
    const questionId = first(opened.questions).id;
    expect((await save(session.id, candidate, questionId, 1, 2)).err).toBeUndefined();

    const past = await command(Requests.rescheduleLiveSession, session.id, {
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      reason: 'Network outage',
    });
    expect(past.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(past.err?.message).toMatch(/^startsAt must be in the future/);

    const startsAt = new Date(Date.now() + 3_000).toISOString();
    const moved = await command(Requests.rescheduleLiveSession, session.id, {
      startsAt,
      reason: 'Network outage',
      message: 'We continue in a moment.',
    });
    expect(moved.response).toMatchObject({ status: SessionStatus.Paused, resumesAt: startsAt });
    const waiting = await open(session.id, candidate);
    expect(waiting).toMatchObject({ paused: true, sessionNotice: { resumesAt: startsAt } });

    await eventually(async () => (await get(session.id)).status === SessionStatus.InProgress, 15_000);
    const back = await open(session.id, candidate);
    expect(back).toMatchObject({ paused: false, status: AttemptStatus.InProgress });
    expect(back.answers).toEqual([{ questionId, answer: { selectedOption: 2 }, clientSeq: 1 }]);
    // The time stopped while it waited: at most the seconds since it resumed are gone.
    expect(back.remainingSeconds).toBeLessThanOrEqual(waiting.remainingSeconds);
    expect(back.remainingSeconds).toBeGreaterThanOrEqual(waiting.remainingSeconds - 3);
    expect(back.sessionNotice).toEqual({ message: null, resumesAt: null, graceEndsAt: null });

    await relayed();
    expect(first(await eventsOf(Events.sessionRescheduled, session.id)).data).toMatchObject({
      scheduledAt: startsAt,
      previousStartedAt: expect.any(String),
      whileRunning: true,
      reason: 'Network outage',
      message: 'We continue in a moment.',
      actorId: proctorId,
      name: session.name,
    });
  });

  it('refuses to reschedule a session that has not started or has ended', async () => {
    const created = await nats.request<SessionView>(Requests.createSession, {
      orgId,
      actorId: proctorId,
      settings: flexibleSettings(assessment.id),
    });
    const notStarted = created.response as SessionView;
    const body = { startsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'Outage' };
    const early = await command(Requests.rescheduleLiveSession, notStarted.id, body);
    expect(early.err).toEqual({ code: RpcErrorCode.Conflict, message: expect.stringMatching(/has not started yet/) });
    const ended = await runningSession({});
    expect((await command(Requests.endSession, ended.id)).response?.status).toBe(SessionStatus.Ended);
    const late = await command(Requests.rescheduleLiveSession, ended.id, body);
    expect(late.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `The session "${ended.name}" has ended; it cannot be rescheduled.`,
    });
  });

  it("ends with the session's grace: writers may save and submit, the rest is submitted when the grace ends", async () => {
    const [writer, early] = [randomUUID(), randomUUID()];
    const session = await runningSession({ gracePeriodSeconds: 3 }, writer, early);
    const attempt = await open(session.id, writer);
    await open(session.id, early);
    const questionId = first(attempt.questions).id;

    const ending = (await command(Requests.endSession, session.id)).response as SessionView;
    expect(ending.status).toBe(SessionStatus.InProgress);
    const graceEndsAt = new Date(ending.graceEndsAt ?? '').getTime();
    expect(graceEndsAt - Date.now()).toBeGreaterThan(1_000);
    expect(graceEndsAt - Date.now()).toBeLessThanOrEqual(3_000);
    expect((await open(session.id, writer)).sessionNotice.graceEndsAt).toBe(ending.graceEndsAt);

    const again = await command(Requests.endSession, session.id);
    expect(again.err).toEqual({ code: RpcErrorCode.Conflict, message: expect.stringMatching(/is already ending/) });
    const pause = await command(Requests.pauseSession, session.id, { reason: 'Oops' });
    expect(pause.err?.message).toMatch(/can no longer be paused/);

    expect((await save(session.id, writer, questionId, 1, 1)).err).toBeUndefined();
    const submitted = await nats.request<AttemptView>(Requests.submitAttempt, {
      orgId,
      sessionId: session.id,
      userId: early,
    });
    expect(submitted.response).toMatchObject({ status: AttemptStatus.Submitted, autoSubmitted: false });

    await eventually(async () => (await get(session.id)).status === SessionStatus.Ended, 15_000);
    expect(await open(session.id, writer)).toMatchObject({ status: AttemptStatus.Submitted, autoSubmitted: true });
    const finished = await command(Requests.endSession, session.id);
    expect(finished.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `The session "${session.name}" has ended; it cannot be ended again.`,
    });

    await relayed();
    const endingEvents = (await storedEvents(nats, Events.sessionEnding)).filter(
      (e) => e.data.sessionId === session.id,
    );
    expect(first(endingEvents).data).toMatchObject({
      graceEndsAt: ending.graceEndsAt,
      stillWriting: 2,
      actorId: proctorId,
    });
    const submissions = (await storedEvents(nats, Events.attemptSubmitted)).filter(
      (e) => e.data.sessionId === session.id,
    );
    expect(submissions.map((e) => [e.data.userId, e.data.endedBy ?? 'candidate', e.data.answers.length])).toEqual([
      [early, 'candidate', 0],
      [writer, 'session_end', 1],
    ]);
    const ended = (await storedEvents(nats, Events.sessionEnded)).filter((e) => e.data.sessionId === session.id);
    expect(first(ended).data.actorId).toBe(proctorId);
  });

  it('ends at once when nobody is writing (uses the default grace of 2 s in this suite otherwise)', async () => {
    const session = await runningSession({});
    const ended = (await command(Requests.endSession, session.id)).response as SessionView;
    expect(ended).toMatchObject({ status: SessionStatus.Ended, graceEndsAt: null });
  });
});
