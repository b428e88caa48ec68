import type { IncidentView, MessageView, ParticipantView, RecordPage, SignalView } from '@invigil/contracts';
import { RecordKind, SignalKind } from '@invigil/contracts';
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
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { startServiceProcess } from './service-process';

/** The incident routes in front of the real enrollment, monitoring and messaging services; sessions is a peer. */
describe('gateway: incident routes', () => {
  const tag = uniqueTag();
  const names = ['enrollment', 'monitoring', 'messaging'] as const;
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let proctor: ApiClient;
  let carla: ApiClient;
  let rival: ApiClient;
  const [, proctorUser, carlaUser] = DEMO_USERS;
  const [rivalProctor] = RIVAL_USERS;

  beforeAll(async () => {
    for (const name of names) services.push(await startServiceProcess(name, tag));
    nats = await RawNats.connect(tag);
    sessions = new SessionsPeer(nats);
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `incident-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
    proctor = await ApiClient.signIn(base, proctorUser.email);
    carla = await ApiClient.signIn(base, carlaUser.email);
    rival = await ApiClient.signIn(base, rivalProctor.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    sessions?.stop();
    await nats?.deleteStream();
    await nats?.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of names) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  });

  it('files an incident with evidence checked against the session, lists it and records it; refuses others', async () => {
    const session = sessions.put({ name: 'Incident hall' });
    const other = sessions.put({ name: 'Other hall' });
    const joined = await carla.call<ParticipantView>('POST', '/api/enrollment/join', { code: session.enrollmentCode });
    expect(joined.status).toBe(201);
    const url = `/api/sessions/${session.id}`;
    // Monitoring knows Carla once her join arrives; her page then reports a signal.
    const alert = await eventually(
      async () => {
        const reply = await carla.call<SignalView>('POST', `${url}/signals`, {
          kind: SignalKind.TabHidden,
          occurredAt: new Date().toISOString(),
        });
        return reply.status === 201 ? reply.body : undefined;
      },
      15_000,
      'monitoring to learn of the join',
    );
    const message = await proctor.call<MessageView>('POST', `${url}/messages`, { body: 'Please face the camera' });
    expect(message.status).toBe(201);
    const elsewhere = await proctor.call<MessageView>('POST', `/api/sessions/${other.id}/messages`, { body: 'Hi' });
    expect(elsewhere.status).toBe(201);

    const body = {
      userId: carlaUser.id,
      category: 'examinee',
      subCategory: 'talking',
      severity: 'high',
      description: 'Talked to someone off screen',
      actionTaken: 'Warned over chat',
      alertIds: [alert.id],
      messageIds: [message.body.id],
    };
    const filed = await proctor.call<IncidentView>('POST', `${url}/incidents`, body);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      userId: carlaUser.id,
      evidence: { alertIds: [alert.id], snapshotIds: [], messageIds: [message.body.id] },
      actor: { type: 'staff', userId: proctorUser.id, role: 'proctor' },
    });
    const listed = await proctor.call<IncidentView[]>('GET', `${url}/incidents`);
    expect(listed.body.map((item) => item.id)).toEqual([filed.body.id]);
    const record = await proctor.call<RecordPage>('GET', `${url}/record?kind=${RecordKind.IncidentFiled}`);
    expect(record.body.entries.map((entry) => entry.detail['incidentId'])).toEqual([filed.body.id]);

    const foreignMessage = await proctor.call<{ message: string; details: string[] }>('POST', `${url}/incidents`, {
      ...body,
      messageIds: [elsewhere.body.id],
    });
    expect(foreignMessage.status).toBe(400);
    expect(foreignMessage.body.message).toMatch(/not from this session/);
    expect(foreignMessage.body.details).toEqual([`messageIds: ${elsewhere.body.id} are not messages of this session`]);
    const unknown = await proctor.call<{ message: string }>('POST', `${url}/incidents`, {
      ...body,
      category: 'weather',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/category must be one of/);
    expect((await proctor.call('POST', `${url}/incidents`, { ...body, subCategory: 'lighting' })).status).toBe(400);
    expect((await carla.call('POST', `${url}/incidents`, body)).status).toBe(403);
    expect((await carla.call('GET', `${url}/incidents`)).status).toBe(403);
    expect((await rival.call('POST', `${url}/incidents`, body)).status).toBe(404);
    expect((await rival.call('GET', `${url}/incidents`)).status).toBe(404);
    expect((await proctor.call<IncidentView[]>('GET', `${url}/incidents`)).body).toHaveLength(1);
  });
});
