import type { IdentityCheckView, LiveSessionView, ParticipantView, SignalView, SnapshotView } from '@invigil/contracts';
import { IdentityStatus, SignalKind } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import {
  eventually,
  RawNats,
  SessionsPeer,
  testDatabaseUrl,
  testNatsUrl,
  testRedisUrl,
  uniqueTag,
} from '@invigil/server-testing';
import { createHash } from 'node:crypto';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { startServiceProcess } from './service-process';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
const SEB_KEY = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';

/**
 * The gateway's issue-4 security routes in front of the real enrollment and monitoring services
 * (real PostgreSQL, NATS, Redis); the sessions service is answered by a peer on the real NATS.
 */
describe('gateway: signals, snapshots, identity checks and Safe Exam Browser routes', () => {
  const tag = uniqueTag();
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let base: string;
  let proctor: ApiClient;
  let carla: ApiClient;
  let chen: ApiClient;
  const [, proctorUser, carlaUser, chenUser] = DEMO_USERS;

  async function startService(name: 'enrollment' | 'monitoring'): Promise<void> {
    services.push(await startServiceProcess(name, tag));
  }

  beforeAll(async () => {
    await startService('enrollment');
    await startService('monitoring');
    nats = await RawNats.connect(tag);
    sessions = new SessionsPeer(nats);
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `security-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    base = `http://127.0.0.1:${gateway.port}`;
    proctor = await ApiClient.signIn(base, proctorUser.email);
    carla = await ApiClient.signIn(base, carlaUser.email);
    chen = await ApiClient.signIn(base, chenUser.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    sessions?.stop();
    await nats?.deleteStream();
    await nats?.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of ['enrollment', 'monitoring']) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  });

  /** Joins with the code and waits until monitoring knows the candidate (it learns from enrollment's event). */
  async function joinAndWait(
    candidate: ApiClient,
    sessionId: string,
    code: string,
    userId: string,
  ): Promise<ParticipantView> {
    const joined = await candidate.call<ParticipantView>('POST', '/api/enrollment/join', { code });
    expect(joined.status).toBe(201);
    await eventually(
      async () => {
        const live = await proctor.call<LiveSessionView>('GET', `/api/sessions/${sessionId}/live`);
        return live.body.participants.some((row) => row.userId === userId);
      },
      15_000,
      'monitoring to hear of the join',
    );
    return joined.body;
  }

  it('a candidate reports a signal and a snapshot; the proctor lists them and sees the image; outsiders and wrong roles are refused', async () => {
    const session = sessions.put({ name: 'Lockdown' });
    await joinAndWait(carla, session.id, session.enrollmentCode, carlaUser.id);

    const occurredAt = new Date().toISOString();
    const signal = await carla.call<SignalView>('POST', `/api/sessions/${session.id}/signals`, {
      kind: SignalKind.FullscreenExited,
      occurredAt,
    });
    expect(signal.status).toBe(201);
    expect(signal.body).toMatchObject({
      sessionId: session.id,
      userId: carlaUser.id,
      kind: SignalKind.FullscreenExited,
      occurredAt,
    });
    const listed = await proctor.call<SignalView[]>('GET', `/api/sessions/${session.id}/signals`);
    expect(listed.body).toEqual([signal.body]);

    const snapshot = await carla.call<SnapshotView>('POST', `/api/sessions/${session.id}/snapshots`, {
      image: dataUrl('image/jpeg', JPEG),
      capturedAt: occurredAt,
    });
    expect(snapshot.status).toBe(201);
    const snapshots = await proctor.call<SnapshotView[]>(
      'GET',
      `/api/sessions/${session.id}/snapshots?userId=${carlaUser.id}`,
    );
    expect(snapshots.body).toEqual([snapshot.body]);
    const image = await fetch(`${base}/api/sessions/${session.id}/snapshots/${snapshot.body.id}/image`, {
      headers: { authorization: `Bearer ${proctor.accessToken}` },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(JPEG);

    const outsider = await chen.call<{ message: string }>('POST', `/api/sessions/${session.id}/signals`, {
      kind: SignalKind.TabHidden,
      occurredAt,
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toBe("You are not on this session's roster; join it with its enrollment code first.");
    const outsiderSnapshot = await chen.call('POST', `/api/sessions/${session.id}/snapshots`, {
      image: dataUrl('image/jpeg', JPEG),
      capturedAt: occurredAt,
    });
    expect(outsiderSnapshot.status).toBe(403);
    expect((await carla.call('GET', `/api/sessions/${session.id}/signals`)).status).toBe(403);
    expect(
      (await proctor.call('POST', `/api/sessions/${session.id}/signals`, { kind: SignalKind.TabHidden, occurredAt }))
        .status,
    ).toBe(403);
    const rival = await ApiClient.signIn(base, RIVAL_USERS[0].email);
    expect((await rival.call('GET', `/api/sessions/${session.id}/signals`)).status).toBe(404);
    const badKind = await carla.call<{ message: string }>('POST', `/api/sessions/${session.id}/signals`, {
      kind: 'telepathy',
      occurredAt,
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/kind must be one of: fullscreen_exited/);
    const badQuery = await proctor.call<{ message: string }>(
      'GET',
      `/api/sessions/${session.id}/snapshots?userId=carla`,
    );
    expect(badQuery.status).toBe(400);
  });

  it('identity: the candidate sends photos, the proctor sees them and approves; the decision names the proctor', async () => {
    const session = sessions.put({
      name: 'Verified',
      security: { browserLockdown: false, screenMonitoring: false, identityVerification: true },
    });
    const joined = await carla.call<ParticipantView>('POST', '/api/enrollment/join', { code: session.enrollmentCode });
    expect(joined.body.identityStatus).toBe(IdentityStatus.Missing);

    const sent = await carla.call<IdentityCheckView>('POST', `/api/sessions/${session.id}/identity`, {
      facePhoto: dataUrl('image/jpeg', JPEG),
      idPhoto: dataUrl('image/png', PNG),
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ userId: carlaUser.id, status: IdentityStatus.Submitted });
    expect((await carla.call<IdentityCheckView>('GET', `/api/sessions/${session.id}/identity/mine`)).body.status).toBe(
      IdentityStatus.Submitted,
    );
    const list = await proctor.call<IdentityCheckView[]>('GET', `/api/sessions/${session.id}/identity`);
    expect(list.body.map((check) => [check.userId, check.status])).toEqual([[carlaUser.id, IdentityStatus.Submitted]]);
    const idPhoto = await fetch(`${base}/api/sessions/${session.id}/identity/${carlaUser.id}/photos/id`, {
      headers: { authorization: `Bearer ${proctor.accessToken}` },
    });
    expect(idPhoto.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await idPhoto.arrayBuffer())).toEqual(PNG);
    expect(
      (await proctor.call('GET', `/api/sessions/${session.id}/identity/${carlaUser.id}/photos/passport`)).status,
    ).toBe(400);

    const noReason = await proctor.call<{ message: string }>(
      'POST',
      `/api/sessions/${session.id}/identity/${carlaUser.id}/decision`,
      { approved: false },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason is required when rejecting/);
    const approved = await proctor.call<IdentityCheckView>(
      'POST',
      `/api/sessions/${session.id}/identity/${carlaUser.id}/decision`,
      { approved: true },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: IdentityStatus.Approved, decidedBy: proctorUser.id });
    const again = await carla.call<{ message: string }>('POST', `/api/sessions/${session.id}/identity`, {
      facePhoto: dataUrl('image/jpeg', JPEG),
      idPhoto: dataUrl('image/png', PNG),
    });
    expect(again.status).toBe(409);
    expect((await chen.call('GET', `/api/sessions/${session.id}/identity/mine`)).status).toBe(403);
    expect(
      (await carla.call('POST', `/api/sessions/${session.id}/identity/${carlaUser.id}/decision`, { approved: true }))
        .status,
    ).toBe(403);
  });

  it('answers 413 with a JSON message for a body over the limit, and 400 for a photo over its own limit', async () => {
    const session = sessions.put({
      name: 'Big photos',
      security: { browserLockdown: false, screenMonitoring: false, identityVerification: true },
    });
    await carla.call('POST', '/api/enrollment/join', { code: session.enrollmentCode });
    const huge = await carla.call<{ statusCode: number; message: string }>(
      'POST',
      `/api/sessions/${session.id}/identity`,
      undefined,
      JSON.stringify({ facePhoto: 'x'.repeat(5 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({
      statusCode: 413,
      message: 'The request body is larger than 4 MB, the most the API accepts. Send smaller images.',
    });
    const big = (bytes: number) => dataUrl('image/jpeg', Buffer.concat([JPEG, Buffer.alloc(bytes)]));
    const tooBig = await carla.call<{ message: string }>('POST', `/api/sessions/${session.id}/identity`, {
      facePhoto: big(450_000),
      idPhoto: big(1_000),
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.message).toMatch(/facePhoto must be at most 450000 characters; send a smaller JPEG/);
  });

  it('Safe Exam Browser: a session with Config Keys refuses exam requests without the matching hash and accepts them with it', async () => {
    const session = sessions.put({
      name: 'SEB',
      security: {
        browserLockdown: true,
        screenMonitoring: false,
        identityVerification: false,
        safeExamBrowserConfigKeys: [SEB_KEY],
      },
    });
    await joinAndWait(chen, session.id, session.enrollmentCode, chenUser.id);
    const path = `/api/sessions/${session.id}/signals`;
    const body = { kind: SignalKind.WindowBlurred, occurredAt: new Date().toISOString() };

    const without = await chen.call<{ message: string }>('POST', path, body);
    expect(without.status).toBe(403);
    expect(without.body.message).toMatch(/must be taken in Safe Exam Browser/);
    const wrong = await chen.call<{ message: string }>('POST', path, body, undefined, {
      'X-SafeExamBrowser-ConfigKeyHash': 'ab'.repeat(32),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toMatch(/Config Key does not match/);
    const hash = createHash('sha256').update(`${base}${path}${SEB_KEY}`).digest('hex');
    const withSeb = await chen.call('POST', path, body, undefined, { 'X-SafeExamBrowser-ConfigKeyHash': hash });
    expect(withSeb.status).toBe(201);
    // Behind a proxy the hash is of the URL the browser used.
    const proxied = createHash('sha256').update(`https://exams.example.test${path}${SEB_KEY}`).digest('hex');
    const viaProxy = await chen.call('POST', path, body, undefined, {
      'X-SafeExamBrowser-ConfigKeyHash': proxied,
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'exams.example.test',
    });
    expect(viaProxy.status).toBe(201);
    // Staff are not candidates in an exam: their requests need no Safe Exam Browser.
    expect((await proctor.call('GET', path)).status).toBe(200);
  });
});
