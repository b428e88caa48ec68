import type { IdentityCheckView, IdentityPhotoFile, ParticipantView, SessionView } from '@invigil/contracts';
import { Events, IdentityStatus, ParticipantStatus, Requests, RpcErrorCode, SessionStatus } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import {
  envelope,
  eventually,
  publishEnvelope,
  SessionsPeer,
  StreamWatcher,
  uniqueTag,
  waitUntilConsumed,
} from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';
import { IdentityCheck } from '../src/identity/identity-check.entity';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
const photos = { facePhoto: dataUrl('image/jpeg', JPEG), idPhoto: dataUrl('image/png', PNG) };

describe('identity checks and attempt-driven status (real PostgreSQL, NATS; sessions answered by a peer)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let stream: StreamWatcher;
  const [admin, proctor, carla, chen, cyrus] = DEMO_USERS;
  const org = DEMO_ORG.id;

  beforeAll(async () => {
    ({ service, nats } = await startEnrollment(tag));
    stream = await StreamWatcher.start(nats);
    sessions = new SessionsPeer(nats);
  });

  afterAll(async () => {
    sessions?.stop();
    stream?.stop();
    await stopEnrollment({ service, nats });
  });

  const answer = <T>(reply: { response?: T; err?: unknown }): T => {
    if (reply.response === undefined) throw new Error(`refused: ${JSON.stringify(reply.err)}`);
    return reply.response;
  };
  const join = async (userId: string, session: SessionView) =>
    answer(
      await nats.request<ParticipantView>(Requests.joinWithCode, { orgId: org, userId, code: session.enrollmentCode }),
    );
  const mine = async (userId: string, sessionId: string) =>
    answer(await nats.request<ParticipantView>(Requests.getMyParticipation, { orgId: org, userId, sessionId }));
  const submit = (userId: string, sessionId: string, body: object = photos) =>
    nats.request<IdentityCheckView>(Requests.submitIdentity, { orgId: org, sessionId, userId, ...body }, 15_000);
  const decide = (
    userId: string,
    sessionId: string,
    approved: boolean,
    reason?: string,
    actorId: string = proctor.id,
  ) =>
    nats.request<IdentityCheckView>(Requests.decideIdentity, {
      orgId: org,
      actorId,
      sessionId,
      userId,
      approved,
      reason,
    });
  const list = async (sessionId: string, userId?: string) =>
    answer(await nats.request<IdentityCheckView[]>(Requests.listIdentityChecks, { orgId: org, sessionId, userId }));
  const storedChecks = (sessionId: string) => service.app.get(EntityManager).fork().count(IdentityCheck, { sessionId });
  const verifying = () =>
    sessions.put({ security: { browserLockdown: false, screenMonitoring: false, identityVerification: true } });

  it('a candidate sends photos, the proctor rejects with a reason, new photos are approved; who decided is recorded', async () => {
    const session = verifying();
    expect((await join(carla.id, session)).identityStatus).toBe(IdentityStatus.Missing);
    await join(chen.id, session);

    const sent = await submit(carla.id, session.id);
    expect(sent.response).toMatchObject({
      userId: carla.id,
      displayName: carla.displayName,
      status: IdentityStatus.Submitted,
      decidedBy: null,
    });
    await eventually(() =>
      stream
        .of(Events.identitySubmitted)
        .some((event) => event.data.sessionId === session.id && event.data.userId === carla.id),
    );
    expect((await list(session.id)).map((check) => [check.displayName, check.status])).toEqual([
      [carla.displayName, IdentityStatus.Submitted],
      [chen.displayName, IdentityStatus.Missing],
    ]);
    const face = await nats.request<IdentityPhotoFile>(Requests.getIdentityPhoto, {
      orgId: org,
      sessionId: session.id,
      userId: carla.id,
      photo: 'face',
    });
    expect(face.response).toEqual({ contentType: 'image/jpeg', base64: JPEG.toString('base64') });
    const id = await nats.request<IdentityPhotoFile>(Requests.getIdentityPhoto, {
      orgId: org,
      sessionId: session.id,
      userId: carla.id,
      photo: 'id',
    });
    expect(id.response).toEqual({ contentType: 'image/png', base64: PNG.toString('base64') });

    const noReason = await decide(carla.id, session.id, false);
    expect(noReason.err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: 'A reason is required when rejecting.',
    });
    const rejected = await decide(carla.id, session.id, false, 'The ID photo is blurred');
    expect(rejected.response).toMatchObject({
      status: IdentityStatus.Rejected,
      decidedBy: proctor.id,
      reason: 'The ID photo is blurred',
      decidedAt: expect.any(String),
    });
    expect((await mine(carla.id, session.id)).identityStatus).toBe(IdentityStatus.Rejected);
    const twice = await decide(carla.id, session.id, true);
    expect(twice.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `${carla.displayName}'s photos were already rejected; wait for new photos before deciding again.`,
    });

    const again = await submit(carla.id, session.id);
    expect(again.response).toMatchObject({ status: IdentityStatus.Submitted, reason: null, decidedBy: null });
    const approved = await decide(carla.id, session.id, true, undefined, admin.id);
    expect(approved.response).toMatchObject({ status: IdentityStatus.Approved, decidedBy: admin.id, reason: null });
    expect((await mine(carla.id, session.id)).identityStatus).toBe(IdentityStatus.Approved);
    expect(await list(session.id, carla.id)).toEqual([approved.response]);
    const decided = await eventually(
      () =>
        stream.of(Events.identityDecided).filter((event) => event.data.sessionId === session.id).length === 2 &&
        stream.of(Events.identityDecided),
    );
    expect(
      decided
        .filter((event) => event.data.sessionId === session.id)
        .map((event) => [event.data.approved, event.data.decidedBy, event.data.actorRole, event.data.reason]),
    ).toEqual([
      [false, proctor.id, 'proctor', 'The ID photo is blurred'],
      [true, admin.id, 'admin', null],
    ]);

    const afterApproval = await submit(carla.id, session.id);
    expect(afterApproval.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'Your identity has already been approved; the photos can no longer be replaced.',
    });
    const decideApproved = await decide(carla.id, session.id, false, 'changed my mind');
    expect(decideApproved.err?.code).toBe(RpcErrorCode.Conflict);
  });

  it('refuses outsiders, sessions without verification, non-staff deciders, nothing to decide and photos that are not images; nothing is stored', async () => {
    const session = verifying();
    await join(chen.id, session);
    const outsider = await submit(cyrus.id, session.id);
    expect(outsider.err).toEqual({
      code: RpcErrorCode.NotFound,
      message: 'You are not enrolled in this session. Join it with its enrollment code first.',
    });

    const plain = sessions.put({});
    expect((await join(chen.id, plain)).identityStatus).toBe(IdentityStatus.NotRequired);
    expect((await submit(chen.id, plain.id)).err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'This session does not verify identity; no photos are needed.',
    });
    expect((await list(plain.id)).map((check) => check.status)).toEqual([IdentityStatus.NotRequired]);

    const nothing = await decide(chen.id, session.id, true);
    expect(nothing.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `${chen.displayName} has not sent identity photos yet; there is nothing to decide.`,
    });
    const fakePng = await submit(chen.id, session.id, {
      facePhoto: dataUrl('image/png', JPEG),
      idPhoto: photos.idPhoto,
    });
    expect(fakePng.err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      details: ['facePhoto says it is a PNG image but its data is not one; send the picture the camera produced'],
    });
    const notImage = await submit(chen.id, session.id, {
      facePhoto: 'data:text/plain;base64,aGk=',
      idPhoto: photos.idPhoto,
    });
    expect(notImage.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(await storedChecks(session.id)).toBe(0);

    await submit(chen.id, session.id);
    const byCandidate = await decide(chen.id, session.id, true, undefined, carla.id);
    expect(byCandidate.err).toEqual({
      code: RpcErrorCode.Forbidden,
      message: 'Only a proctor or an admin of this organization can decide identity checks.',
    });
    const photoOfNobody = await nats.request(Requests.getIdentityPhoto, {
      orgId: org,
      sessionId: session.id,
      userId: cyrus.id,
      photo: 'id',
    });
    expect(photoOfNobody.err?.code).toBe(RpcErrorCode.NotFound);
    const badPhotoName = await nats.request(Requests.getIdentityPhoto, {
      orgId: org,
      sessionId: session.id,
      userId: chen.id,
      photo: 'passport',
    });
    expect(badPhotoName.err?.details).toEqual(["photo: photo must be 'face' or 'id'"]);
  });

  it("learns from sessions' updated events that a session now verifies identity", async () => {
    const session = sessions.put({});
    expect((await join(cyrus.id, session)).identityStatus).toBe(IdentityStatus.NotRequired);
    const settings = {
      enrollmentCode: session.enrollmentCode,
      startMode: session.startMode,
      scheduledAt: session.scheduledAt,
      timeZone: session.timeZone,
      durationMinutes: session.durationMinutes,
      enrollmentMode: session.enrollmentMode,
      maxUsers: session.maxUsers,
      lateEntry: session.lateEntry,
      lateEntryMinutes: session.lateEntryMinutes,
      timeLimitMode: session.timeLimitMode,
      identityVerification: true,
    };
    await publishEnvelope(
      nats,
      envelope(Events.sessionUpdated, {
        orgId: org,
        sessionId: session.id,
        name: session.name,
        status: session.status,
        settings,
      }),
    );
    await waitUntilConsumed(nats, 'enrollment');
    expect((await mine(cyrus.id, session.id)).identityStatus).toBe(IdentityStatus.Missing);
    expect((await submit(cyrus.id, session.id)).response?.status).toBe(IdentityStatus.Submitted);
  });

  it('participant status follows the attempt: paused, resumed, disconnected, reconnected, submitted, reopened', async () => {
    const session = sessions.put({
      status: SessionStatus.InProgress,
      startedAt: new Date().toISOString(),
      lateEntry: true,
      lateEntryMinutes: 30,
    });
    const participant = await join(carla.id, session);
    expect(participant.status).toBe(ParticipantStatus.InSession);
    const attempt = { orgId: org, sessionId: session.id, attemptId: randomUUID(), userId: carla.id };
    const statusAfter = async (event: Parameters<typeof publishEnvelope>[1]) => {
      await publishEnvelope(nats, event);
      await waitUntilConsumed(nats, 'enrollment');
      return (await mine(carla.id, session.id)).status;
    };

    expect(
      await statusAfter(envelope(Events.attemptPaused, { ...attempt, remainingSeconds: 600, pausedBy: 'proctor' })),
    ).toBe(ParticipantStatus.Paused);
    expect(await statusAfter(envelope(Events.attemptResumed, { ...attempt, remainingSeconds: 600 }))).toBe(
      ParticipantStatus.InSession,
    );
    expect(
      await statusAfter(envelope(Events.attemptDisconnected, { ...attempt, since: new Date().toISOString() })),
    ).toBe(ParticipantStatus.Disconnected);
    // A pause while away leaves the proctor seeing Disconnected; the return brings the candidate back In Session.
    expect(
      await statusAfter(envelope(Events.attemptPaused, { ...attempt, remainingSeconds: 590, pausedBy: 'session' })),
    ).toBe(ParticipantStatus.Disconnected);
    expect(
      await statusAfter(
        envelope(Events.attemptReconnected, { ...attempt, disconnectedSeconds: 12, totalDisconnectedSeconds: 12 }),
      ),
    ).toBe(ParticipantStatus.InSession);

    // Submitted, then reopened by the proctor after a technical problem: back In Session from Complete.
    const submitted = { ...attempt, assessmentVersionId: randomUUID(), submittedAt: new Date().toISOString() };
    expect(await statusAfter(envelope(Events.attemptSubmitted, { ...submitted, answers: [], automatic: true }))).toBe(
      ParticipantStatus.Complete,
    );
    const reopened = { ...attempt, remainingSeconds: 900, actorId: randomUUID(), reason: 'Power cut', minutes: 15 };
    expect(await statusAfter(envelope(Events.attemptReopened, { ...reopened, at: new Date().toISOString() }))).toBe(
      ParticipantStatus.InSession,
    );

    const changes = await eventually(() => {
      const mineOnly = stream
        .of(Events.participantStatusChanged)
        .filter((event) => event.data.participantId === participant.id);
      return mineOnly.length === 6 && mineOnly;
    });
    expect(changes.map((event) => [event.data.from, event.data.to])).toEqual([
      [ParticipantStatus.InSession, ParticipantStatus.Paused],
      [ParticipantStatus.Paused, ParticipantStatus.InSession],
      [ParticipantStatus.InSession, ParticipantStatus.Disconnected],
      [ParticipantStatus.Disconnected, ParticipantStatus.InSession],
      [ParticipantStatus.InSession, ParticipantStatus.Complete],
      [ParticipantStatus.Complete, ParticipantStatus.InSession],
    ]);
  });
});
