import type { AssessmentView, SessionView } from '@invigil/contracts';
import {
  EnrollmentMode,
  Events,
  Requests,
  Role,
  RpcErrorCode,
  SessionStatus,
  StartMode,
  TimeLimitMode,
} from '@invigil/contracts';
import { OutboxRelay } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { ScheduledStartQueue } from '../src/sessions/scheduled-start-queue';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { storedEvents } from './support/events';
import { flexibleSettings } from './support/fixtures';
import { SessionsSuite } from './support/sessions-suite';

/** A UTC wall-clock time `ms` from now, with seconds, as the form would send it with timeZone UTC. */
const utcLocalIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sessions service: every setting, the lifecycle and scheduled starts (real PostgreSQL, NATS, Redis)', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  const otherProctorId = randomUUID();
  const candidateId = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    enrollment.addUser(orgId, otherProctorId, Role.Admin);
    enrollment.addUser(orgId, candidateId, Role.Candidate);
    assessment = await suite.createAssessment(orgId, proctorId);
  });

  afterAll(() => suite.stop());

  const create = (extra: Record<string, unknown> = {}) =>
    nats.request<SessionView>(Requests.createSession, {
      orgId,
      actorId: proctorId,
      settings: { ...flexibleSettings(assessment.id), ...extra },
    });
  const command = (subject: string, sessionId: string) =>
    nats.request<SessionView>(subject as typeof Requests.pauseSession, {
      orgId,
      actorId: proctorId,
      sessionId,
      // Pausing the whole session needs a reason; the other commands take none.
      ...(subject === Requests.pauseSession ? { reason: 'Lifecycle test' } : {}),
    });
  const get = async (sessionId: string) =>
    (await nats.request<SessionView>(Requests.getSession, { orgId, sessionId })).response as SessionView;
  const scheduled = (localTime: string, extra: Record<string, unknown> = {}) =>
    create({ startMode: StartMode.Scheduled, scheduledLocalTime: localTime, timeZone: 'UTC', ...extra });

  it('persists and returns every field, the local time stored in UTC', async () => {
    const reply = await create({
      name: 'Physics final',
      proctorId: otherProctorId,
      enrollmentCode: 'phys01',
      startMode: StartMode.Scheduled,
      scheduledLocalTime: '2030-07-01T09:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      enrollmentMode: EnrollmentMode.Hybrid,
      maxUsers: 25,
      lateEntry: true,
      lateEntryMinutes: 15,
      timeLimitMode: TimeLimitMode.Individual,
      gracePeriodSeconds: 30,
      security: { browserLockdown: true, screenMonitoring: true, identityVerification: true },
    });
    expect(reply.err).toBeUndefined();
    const expected = {
      orgId,
      name: 'Physics final',
      assessmentId: assessment.id,
      proctorId: otherProctorId,
      enrollmentCode: 'PHYS01',
      startMode: StartMode.Scheduled,
      scheduledAt: '2030-07-01T07:30:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      enrollmentMode: EnrollmentMode.Hybrid,
      maxUsers: 25,
      lateEntry: true,
      lateEntryMinutes: 15,
      timeLimitMode: TimeLimitMode.Individual,
      gracePeriodSeconds: 30,
      security: { browserLockdown: true, screenMonitoring: true, identityVerification: true },
      status: SessionStatus.Scheduled,
      startedAt: null,
      endedAt: null,
    };
    expect(reply.response).toMatchObject(expected);
    const created = reply.response as SessionView;
    expect(await get(created.id)).toEqual(created);
    const job = await suite.service.app.get(ScheduledStartQueue).jobOf(created.id, 0);
    expect(job?.opts.delay).toBeGreaterThan(0);
  });

  it('defaults to the form defaults: flexible start is open, no limit, no late entry, no grace', async () => {
    const reply = await create();
    expect(reply.response).toMatchObject({
      status: SessionStatus.Open,
      startMode: StartMode.Flexible,
      scheduledAt: null,
      maxUsers: null,
      lateEntry: false,
      lateEntryMinutes: null,
      gracePeriodSeconds: 0,
      proctorId,
    });
  });

  it('reports every invalid field by its path', async () => {
    const reply = await create({
      name: '',
      durationMinutes: 0,
      enrollmentMode: 'sometimes',
      lateEntry: true,
      security: { browserLockdown: 'yes', screenMonitoring: false, identityVerification: false },
    });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    const details = reply.err?.details ?? [];
    for (const path of [
      'settings.name',
      'settings.durationMinutes',
      'settings.enrollmentMode',
      'settings.lateEntryMinutes',
      'settings.security.browserLockdown',
    ]) {
      expect(details.some((detail) => detail.startsWith(`${path}: `))).toBe(true);
    }
  });

  it('refuses an unknown time zone, a missing or past scheduled time, each naming its field', async () => {
    const zone = await create({ timeZone: 'Mars/Olympus' });
    expect(zone.err?.details).toEqual([
      'settings.timeZone: Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin, America/New_York or UTC',
    ]);
    const missing = await create({ startMode: StartMode.Scheduled });
    expect(missing.err?.details?.[0]).toMatch(/^settings\.scheduledLocalTime: /);
    const past = await scheduled('2020-01-01T09:00');
    expect(past.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(past.err?.details).toEqual([
      'settings.scheduledLocalTime: 2020-01-01T09:00 in UTC is in the past; choose a time in the future',
    ]);
  });

  it('accepts only a proctor or admin of the organization as the proctor', async () => {
    const candidate = await create({ proctorId: candidateId });
    expect(candidate.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(candidate.err?.details?.[0]).toMatch(
      /^settings\.proctorId: .* is a candidate of your organization, not a proctor/,
    );
    const stranger = await create({ proctorId: randomUUID() });
    expect(stranger.err?.details?.[0]).toMatch(/^settings\.proctorId: No user .* in your organization/);
  });

  it('runs the lifecycle open → in progress ⇄ paused → ended, refusing illegal steps with the current state', async () => {
    const session = (await create()).response as SessionView;
    const early = await command(Requests.pauseSession, session.id);
    expect(early.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'Cannot move the session from "open" to "paused"',
    });
    expect((await command(Requests.startSession, session.id)).response?.status).toBe(SessionStatus.InProgress);
    expect((await command(Requests.pauseSession, session.id)).response?.status).toBe(SessionStatus.Paused);
    expect((await command(Requests.resumeSession, session.id)).response?.status).toBe(SessionStatus.InProgress);
    const cancel = await command(Requests.cancelSession, session.id);
    expect(cancel.err?.message).toBe('Cannot move the session from "in_progress" to "cancelled"');
    const ended = await command(Requests.endSession, session.id);
    expect(ended.response).toMatchObject({ status: SessionStatus.Ended });
    expect(ended.response?.endedAt).not.toBeNull();
    const edit = await nats.request(Requests.updateSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
      settings: flexibleSettings(assessment.id),
    });
    expect(edit.err?.code).toBe(RpcErrorCode.Conflict);
    expect(edit.err?.message).toContain('"ended"');
    await eventually(async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0);
    for (const subject of [Events.sessionPaused, Events.sessionResumed, Events.sessionEnded]) {
      expect((await storedEvents(nats, subject)).filter((event) => event.data.sessionId === session.id)).toHaveLength(
        1,
      );
    }
  });

  it('edits a session before the start and emits the joining settings', async () => {
    const session = (await create()).response as SessionView;
    const edited = await nats.request<SessionView>(Requests.updateSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
      settings: flexibleSettings(assessment.id, {
        name: 'Renamed',
        maxUsers: 10,
        enrollmentMode: EnrollmentMode.Manual,
      }),
    });
    expect(edited.response).toMatchObject({
      id: session.id,
      name: 'Renamed',
      maxUsers: 10,
      enrollmentMode: EnrollmentMode.Manual,
      status: SessionStatus.Open,
      enrollmentCode: session.enrollmentCode,
    });
    const updated = await eventually(async () =>
      (await storedEvents(nats, Events.sessionUpdated)).find((event) => event.data.sessionId === session.id),
    );
    expect(updated.data.settings).toMatchObject({
      maxUsers: 10,
      enrollmentMode: EnrollmentMode.Manual,
      startMode: StartMode.Flexible,
    });
  });

  it("starts a scheduled session by itself at its time, through the proctor's start", async () => {
    const session = (await scheduled(utcLocalIn(4_000))).response as SessionView;
    expect(session.status).toBe(SessionStatus.Scheduled);
    const started = await eventually(async () => {
      const now = await get(session.id);
      return now.status === SessionStatus.InProgress ? now : undefined;
    }, 15_000);
    expect(new Date(String(started.startedAt)).getTime()).toBeGreaterThanOrEqual(
      new Date(String(session.scheduledAt)).getTime() - 50,
    );
    const events = await eventually(async () => {
      const found = (await storedEvents(nats, Events.sessionStarted)).filter(
        (event) => event.data.sessionId === session.id,
      );
      return found.length > 0 ? found : undefined;
    });
    expect(events).toHaveLength(1);
  });

  it('still starts it when the sessions service was stopped and started again in between', async () => {
    const session = (await scheduled(utcLocalIn(5_000))).response as SessionView;
    await suite.restart(() => sleep(1_000));
    const started = await eventually(async () => {
      const now = await get(session.id);
      return now.status === SessionStatus.InProgress ? now : undefined;
    }, 20_000);
    expect(started.startedAt).not.toBeNull();
  });

  it('re-enqueues a scheduled session whose job went missing at start-up', async () => {
    const session = (await scheduled(utcLocalIn(60 * 60_000))).response as SessionView;
    const queue = suite.service.app.get(ScheduledStartQueue);
    await queue.unschedule(session.id, 0);
    expect(await queue.jobOf(session.id, 0)).toBeUndefined();
    expect(await queue.enqueueScheduled()).toBeGreaterThanOrEqual(1);
    expect(await queue.jobOf(session.id, 0)).toBeDefined();
  });

  it('moves the job when the session is rescheduled, keeping the session', async () => {
    const session = (await scheduled(utcLocalIn(4_000))).response as SessionView;
    const later = await nats.request<SessionView>(Requests.updateSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
      settings: flexibleSettings(assessment.id, {
        startMode: StartMode.Scheduled,
        scheduledLocalTime: utcLocalIn(60 * 60_000),
        timeZone: 'UTC',
      }),
    });
    expect(later.response).toMatchObject({
      id: session.id,
      status: SessionStatus.Scheduled,
      enrollmentCode: session.enrollmentCode,
    });
    const queue = suite.service.app.get(ScheduledStartQueue);
    expect(await queue.jobOf(session.id, 0)).toBeUndefined();
    expect(await queue.jobOf(session.id, 1)).toBeDefined();
    await sleep(5_000);
    expect((await get(session.id)).status).toBe(SessionStatus.Scheduled);
    const rescheduled = await eventually(async () =>
      (await storedEvents(nats, Events.sessionRescheduled)).find((event) => event.data.sessionId === session.id),
    );
    expect(rescheduled.data).toMatchObject({
      previousScheduledAt: session.scheduledAt,
      scheduledAt: later.response?.scheduledAt,
      timeZone: 'UTC',
    });
    // And moving it close again makes it start by itself.
    await nats.request<SessionView>(Requests.updateSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
      settings: flexibleSettings(assessment.id, {
        startMode: StartMode.Scheduled,
        scheduledLocalTime: utcLocalIn(3_000),
        timeZone: 'UTC',
      }),
    });
    await eventually(
      async () => ((await get(session.id)).status === SessionStatus.InProgress ? true : undefined),
      15_000,
    );
  });

  it('removes the job when the session is cancelled', async () => {
    const session = (await scheduled(utcLocalIn(4_000))).response as SessionView;
    const cancelled = await command(Requests.cancelSession, session.id);
    expect(cancelled.response?.status).toBe(SessionStatus.Cancelled);
    expect(await suite.service.app.get(ScheduledStartQueue).jobOf(session.id, 0)).toBeUndefined();
    await sleep(5_000);
    expect((await get(session.id)).status).toBe(SessionStatus.Cancelled);
    const again = await command(Requests.startSession, session.id);
    expect(again.err?.message).toBe('Cannot move the session from "cancelled" to "in_progress"');
  });
});
