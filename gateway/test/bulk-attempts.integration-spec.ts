import type { AttemptSummaryView, BulkAttemptResult, ParticipantView } from '@invigil/contracts';
import { AttemptStatus, Requests, RpcErrorCode } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import type { Peer } from '@invigil/server-testing';
import {
  answerAsPeer,
  PeerError,
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

const SUBMITTED = 'This candidate has already submitted; the clock no longer runs.';

/**
 * POST /api/sessions/:id/attempts/bulk in front of the real enrollment service (the roster);
 * sessions is a peer whose extend refuses the candidate who already submitted, as sessions does.
 */
describe('gateway: bulk actions on attempts', () => {
  const tag = uniqueTag();
  let enrollment: ManagedProcess;
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let extend: Peer<typeof Requests.extendAttempt>;
  let proctor: ApiClient;
  let rival: ApiClient;
  const [, proctorUser, carla, chen, dana] = DEMO_USERS;
  const [rivalProctor] = RIVAL_USERS;
  const submitted = new Set<string>();

  const summary = (userId: string, minutes: number): AttemptSummaryView => ({
    attemptId: randomUUID(),
    userId,
    status: AttemptStatus.InProgress,
    paused: false,
    remainingSeconds: 1800 + minutes * 60,
    extensionMinutes: minutes,
    disconnectedSeconds: 0,
    creditableSeconds: 0,
    connected: true,
    submittedAt: null,
    autoSubmitted: false,
  });

  beforeAll(async () => {
    enrollment = await startServiceProcess('enrollment', tag);
    nats = await RawNats.connect(tag);
    sessions = new SessionsPeer(nats);
    extend = answerAsPeer(nats, Requests.extendAttempt, (request) => {
      if (submitted.has(request.userId)) throw new PeerError({ code: RpcErrorCode.Conflict, message: SUBMITTED });
      return summary(request.userId, request.minutes);
    });
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `bulk-attempts-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
    proctor = await ApiClient.signIn(base, proctorUser.email);
    rival = await ApiClient.signIn(base, rivalProctor.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    extend?.stop();
    sessions?.stop();
    await nats?.deleteStream();
    await nats?.close();
    await enrollment?.stop();
    await dropSchema(testDatabaseUrl(), `enrollment_${tag}`);
  });

  it('extends each valid candidate and refuses, per candidate and with the reason, the submitted and the foreign', async () => {
    const session = sessions.put({ name: 'Bulk hall' });
    const base = `http://127.0.0.1:${gateway.port}`;
    for (const person of [carla, chen, dana]) {
      const candidate = await ApiClient.signIn(base, person.email);
      const joined = await candidate.call<ParticipantView>('POST', '/api/enrollment/join', {
        code: session.enrollmentCode,
      });
      expect(joined.status).toBe(201);
    }
    submitted.add(dana.id);
    const stranger = randomUUID();
    const url = `/api/sessions/${session.id}/attempts/bulk`;
    const reply = await proctor.call<BulkAttemptResult>('POST', url, {
      action: 'extend',
      minutes: 10,
      userIds: [carla.id, dana.id, stranger, chen.id],
    });

    expect(reply.status).toBe(200);
    expect(reply.body.done).toBe(2);
    expect(reply.body.refused).toBe(2);
    expect(reply.body.outcomes.map((o) => [o.userId, o.displayName, o.ok, o.message])).toEqual([
      [carla.id, carla.displayName, true, 'Given 10 more minutes'],
      [dana.id, dana.displayName, false, SUBMITTED],
      [stranger, null, false, "Not on this session's roster; nothing was done."],
      [chen.id, chen.displayName, true, 'Given 10 more minutes'],
    ]);
    expect(reply.body.outcomes[0]?.attempt).toMatchObject({ extensionMinutes: 10 });
    // The stranger was never tried; each staff action names the proctor for the session record.
    expect(extend.received.map((request) => request.userId).sort()).toEqual([carla.id, chen.id, dana.id].sort());
    expect(extend.received.every((request) => request.actorId === proctorUser.id)).toBe(true);
  });

  it('refuses a malformed body with what to fix, and a session of another organization as not found', async () => {
    const session = sessions.put({ name: 'Bulk hall 2' });
    const url = `/api/sessions/${session.id}/attempts/bulk`;
    const noMinutes = await proctor.call<{ message: string[] | string }>('POST', url, {
      action: 'extend',
      userIds: [carla.id],
    });
    expect(noMinutes.status).toBe(400);
    expect(JSON.stringify(noMinutes.body)).toContain('minutes must be a whole number of minutes');
    const unknown = await proctor.call('POST', url, { action: 'explode', userIds: [carla.id] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('action must be one of: pause, resume, extend');
    const empty = await proctor.call('POST', url, { action: 'pause', userIds: [] });
    expect(JSON.stringify(empty.body)).toContain('userIds must name at least one candidate');
    const notIds = await proctor.call('POST', url, { action: 'pause', userIds: ['carla'] });
    expect(JSON.stringify(notIds.body)).toContain('each of userIds must be a user id');

    const foreign = await rival.call('POST', url, { action: 'pause', userIds: [carla.id] });
    expect(foreign.status).toBe(404);
  });
});
