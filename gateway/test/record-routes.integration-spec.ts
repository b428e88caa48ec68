import type { ParticipantView, RecordPage, RecordVerification } from '@invigil/contracts';
import { Events, RecordKind } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import {
  envelope,
  eventually,
  publishEnvelope,
  RawNats,
  SessionsPeer,
  testDatabaseUrl,
  testNatsUrl,
  testRedisUrl,
  uniqueTag,
} from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { startServiceProcess } from './service-process';

/** The session record's routes in front of the real enrollment and monitoring services; sessions is a peer. */
describe('gateway: session record routes', () => {
  const tag = uniqueTag();
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let proctor: ApiClient;
  let carla: ApiClient;
  let chen: ApiClient;
  let rival: ApiClient;
  const [, proctorUser, carlaUser, chenUser] = DEMO_USERS;
  const [rivalProctor] = RIVAL_USERS;

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
        JWT_SECRET: `record-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
    proctor = await ApiClient.signIn(base, proctorUser.email);
    carla = await ApiClient.signIn(base, carlaUser.email);
    chen = await ApiClient.signIn(base, chenUser.email);
    rival = await ApiClient.signIn(base, rivalProctor.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    sessions?.stop();
    await nats?.deleteStream();
    await nats?.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of ['enrollment', 'monitoring']) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  });

  async function joinSession(candidate: ApiClient, code: string): Promise<ParticipantView> {
    const joined = await candidate.call<ParticipantView>('POST', '/api/enrollment/join', { code });
    expect(joined.status).toBe(201);
    return joined.body;
  }

  it('gives staff the filtered, verified, exported record; a candidate their part; others nothing', async () => {
    const session = sessions.put({ name: 'Record hall' });
    await joinSession(carla, session.enrollmentCode);
    await joinSession(chen, session.enrollmentCode);
    const scope = { orgId: session.orgId, sessionId: session.id };
    await publishEnvelope(
      nats,
      envelope(Events.attemptExtended, {
        ...scope,
        attemptId: randomUUID(),
        userId: chenUser.id,
        remainingSeconds: 900,
        minutes: 5,
        actorId: proctorUser.id,
      }),
    );
    const url = `/api/sessions/${session.id}/record`;
    const all = await eventually(
      async () => {
        const page = await proctor.call<RecordPage>('GET', url);
        return page.body.entries.some((entry) => entry.kind === RecordKind.AttemptExtended) ? page.body : undefined;
      },
      15_000,
      'monitoring to record the extension',
    );
    expect(all.entries.filter((entry) => entry.kind === RecordKind.ParticipantJoined)).toHaveLength(2);

    const joins = await proctor.call<RecordPage>('GET', `${url}?kind=participant_joined&limit=1`);
    expect(joins.status).toBe(200);
    expect(joins.body.entries).toHaveLength(1);
    expect(joins.body.total).toBe(2);
    expect(joins.body.nextCursor).not.toBeNull();
    expect((await proctor.call('GET', `${url}?kind=lunch`)).status).toBe(400);

    const verified = await proctor.call<RecordVerification>('GET', `${url}/verify`);
    expect(verified.body).toMatchObject({ intact: true, brokenAt: null });
    const csv = await fetch(`${proctor.baseUrl}${url}/export?format=csv`, {
      headers: { authorization: `Bearer ${proctor.accessToken ?? ''}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await csv.text()).split('\r\n')[0]).toContain('"seq"');
    expect((await proctor.call('GET', `${url}/export?format=xml`)).status).toBe(400);

    const mine = await carla.call<RecordPage>('GET', `${url}/mine`);
    expect(mine.status).toBe(200);
    expect(mine.body.entries.length).toBeGreaterThan(0);
    expect(mine.body.entries.every((entry) => entry.userId === carlaUser.id || entry.userId === null)).toBe(true);
    expect((await carla.call('GET', url)).status).toBe(403);
    expect((await rival.call('GET', url)).status).toBe(404);
    expect((await rival.call('GET', `${url}/export?format=json`)).status).toBe(404);
  });
});
