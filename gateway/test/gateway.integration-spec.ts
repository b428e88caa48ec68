import type { AssessmentView, EventEnvelope, ParticipantView, SessionView, WatchSessionAck } from '@invigil/contracts';
import { Events, QuestionType, ServiceNames, SocketCommands, SocketPushes } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import { eventually, RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { JwtService } from '@nestjs/jwt';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { ApiClient, sessionBody } from './api-client';
import { first } from '@invigil/server-testing';

const [admin, proctor, candidate, candidate2] = DEMO_USERS;
const [rivalProctor] = RIVAL_USERS;
const root = join(__dirname, '../..');
const tag = uniqueTag();
const jwtSecret = `gateway-suite-${tag}-0123456789abcdefghijklmnop`;

describe('gateway: two replicas in front of every service (real servers)', () => {
  let stack: LocalStack;
  let staff: Awaited<ReturnType<typeof ApiClient.signIn>>;
  let session: SessionView;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stack = await LocalStack.start({
      root,
      databaseUrl: testDatabaseUrl(),
      natsUrl: testNatsUrl(),
      redisUrl: testRedisUrl(),
      tag,
      gateways: 2,
      jwtSecret,
      logDir: join(root, 'tmp/test-logs', tag),
      seed: true,
      logLevel: 'warn',
    });
    staff = await ApiClient.signIn(stack.gatewayUrl(0), proctor.email);
    const assessment = await staff.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Gateway suite',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'Pick B', options: ['A', 'B'], correctOption: 1, points: 1 },
          ],
        },
      ],
    });
    expect(assessment.status).toBe(201);
    const created = await staff.call<SessionView>(
      'POST',
      '/api/sessions',
      sessionBody('Fan-out', assessment.body.id, 30),
    );
    expect(created.status).toBe(201);
    session = created.body;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
    for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
    const nats = await RawNats.connect(tag);
    await nats.deleteStream();
    await nats.close();
  });

  function connect(baseUrl: string, token: string | undefined): Socket {
    const socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  }

  const watch = (socket: Socket, sessionId: string) =>
    new Promise<WatchSessionAck>((resolve) =>
      socket.emit(SocketCommands.watchSession, { sessionId }, (ack: WatchSessionAck) => resolve(ack)),
    );

  it('pushes an event caused through replica B to a proctor connected to replica A', async () => {
    const proctorSocket = connect(stack.gatewayUrl(0), staff.accessToken);
    const received: EventEnvelope[] = [];
    proctorSocket.on(SocketPushes.event, (envelope: EventEnvelope) => received.push(envelope));
    await eventually(() => proctorSocket.connected, 5_000, 'socket connection');
    expect(await watch(proctorSocket, session.id)).toEqual({ ok: true });

    const viaB = await ApiClient.signIn(stack.gatewayUrl(1), candidate.email);
    const joined = await viaB.call<ParticipantView>('POST', '/api/enrollment/join', {
      code: session.enrollmentCode.toLowerCase(),
    });
    expect(joined.status).toBe(201);
    expect(joined.body.status).toBe('waiting');

    const joinedEvent = await eventually(
      () => received.find((e) => e.subject === Events.participantJoined),
      10_000,
      'participant.joined on replica A',
    );
    expect(joinedEvent.data).toMatchObject({ sessionId: session.id, userId: candidate.id });
    const liveRow = await eventually(
      () => received.find((e) => e.subject === Events.liveParticipantUpdated),
      10_000,
      'live dashboard row on replica A',
    );
    expect(liveRow.data).toMatchObject({ userId: candidate.id, status: 'waiting' });
  });

  it("refuses sockets without a valid token and watches of another organization's session", async () => {
    const anonymous = connect(stack.gatewayUrl(1), undefined);
    await eventually(() => anonymous.disconnected && !anonymous.active, 5_000, 'the anonymous socket to be dropped');

    const rival = await ApiClient.signIn(stack.gatewayUrl(1), rivalProctor.email);
    const rivalSocket = connect(stack.gatewayUrl(1), rival.accessToken);
    await eventually(() => rivalSocket.connected, 5_000, 'rival socket connection');
    const ack = await watch(rivalSocket, session.id);
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(/not in your organization/);
  });

  it("never shows one organization another organization's session", async () => {
    const rival = await ApiClient.signIn(stack.gatewayUrl(0), rivalProctor.email);
    expect((await rival.call('GET', `/api/sessions/${session.id}`)).status).toBe(404);
    expect((await rival.call('GET', `/api/sessions/${session.id}/live`)).status).toBe(404);
    expect((await rival.call('POST', `/api/sessions/${session.id}/start`)).status).toBe(404);
    const list = await rival.call<SessionView[]>('GET', '/api/sessions');
    expect(list.body.map((s) => s.id)).not.toContain(session.id);
    const rivalCandidate = await ApiClient.signIn(stack.gatewayUrl(0), RIVAL_USERS[1].email);
    const join = await rivalCandidate.call<{ message: string }>('POST', '/api/enrollment/join', {
      code: session.enrollmentCode,
    });
    expect(join.status).toBe(404);
  });

  it('answers bad credentials, tokens and roles with 4xx and a message that names the problem', async () => {
    const anonymous = new ApiClient(stack.gatewayUrl(0));
    const wrong = await anonymous.call<{ message: string }>('POST', '/api/auth/login', {
      email: admin.email,
      password: 'wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Email or password is wrong. Check both and try again.');

    const missing = await anonymous.call<{ message: string }>('GET', '/api/sessions');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/Authorization: Bearer/);

    const expiredToken = await new JwtService({ secret: jwtSecret }).signAsync(
      { sub: proctor.id, orgId: staff.login.user.orgId, role: 'proctor', name: proctor.displayName },
      { expiresIn: -10, issuer: 'invigil' },
    );
    const expired = await new ApiClient(stack.gatewayUrl(0), expiredToken).call<{ message: string }>(
      'GET',
      '/api/sessions',
    );
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/invalid or has expired/);

    const asCandidate = await ApiClient.signIn(stack.gatewayUrl(0), candidate2.email);
    const forbidden = await asCandidate.call<{ message: string }>(
      'POST',
      '/api/sessions',
      sessionBody('x', session.assessmentId, 5),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toMatch(/needs the role admin or proctor; you are signed in as candidate/);
  });

  it('refuses malformed bodies, unknown and missing fields and unknown codes, writing nothing', async () => {
    const before = await staff.call<SessionView[]>('GET', '/api/sessions');
    const badJson = await staff.call<{ message: string }>('POST', '/api/sessions', undefined, '{"name": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toMatch(/not valid JSON/);

    const unknownField = await staff.call<{ details: string[] }>(
      'POST',
      '/api/sessions',
      sessionBody('x', session.assessmentId, 5, { hacker: 1 }),
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details).toContain('hacker: property hacker should not exist');

    const missingField = await staff.call<{ details: string[] }>('POST', '/api/sessions', { name: 'x' });
    expect(missingField.status).toBe(400);
    expect(missingField.body.details.join(' ')).toMatch(/assessmentId.*durationMinutes|durationMinutes.*assessmentId/s);

    const after = await staff.call<SessionView[]>('GET', '/api/sessions');
    expect(after.body.length).toBe(before.body.length);

    const joiner = await ApiClient.signIn(stack.gatewayUrl(0), candidate2.email);
    const unknownCode = await joiner.call<{ message: string }>('POST', '/api/enrollment/join', { code: 'ZZZZZZ' });
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body.message).toMatch(/No session has the enrollment code "ZZZZZZ"/);
  });

  it('edits an assessment into a new version, exports it and imports it back, staff only', async () => {
    const id = session.assessmentId;
    const asCandidate = await ApiClient.signIn(stack.gatewayUrl(0), candidate2.email);
    expect((await asCandidate.call('GET', `/api/assessments/${id}`)).status).toBe(403);
    expect((await asCandidate.call('GET', `/api/assessments/${id}/export`)).status).toBe(403);

    const content = {
      title: 'Gateway suite, edited',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [{ type: QuestionType.Numeric, prompt: 'Pi?', correctNumber: 3.14, tolerance: 0.01, points: 2 }],
        },
      ],
    };
    const edited = await staff.call<AssessmentView>('PUT', `/api/assessments/${id}`, content);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, version: 2, questionCount: 1 });
    const detail = await staff.call<{ sections: { questions: { correctNumber: number }[] }[] }>(
      'GET',
      `/api/assessments/${id}`,
    );
    expect(first(first(detail.body.sections).questions).correctNumber).toBe(3.14);

    const exported = await staff.call<Record<string, unknown>>('GET', `/api/assessments/${id}/export`);
    expect(exported.body).toEqual({ format: 'invigil.assessment', formatVersion: 1, ...content });
    const imported = await staff.call<AssessmentView>('POST', '/api/assessments/import', exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ title: 'Gateway suite, edited', version: 1 });

    const broken = {
      ...exported.body,
      sections: [{ title: 'Only', questions: [{ ...first(first(content.sections).questions), tolerance: -1 }] }],
    };
    const refused = await staff.call<{ details: string[] }>('POST', '/api/assessments/import', broken);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(['sections.0.questions.0.tolerance: must be zero or more']);
  });

  it('exposes Prometheus figures on /metrics of every service, and on a separate internal port of the gateway', async () => {
    const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const path of ['/metrics', '/api/metrics']) {
      expect((await fetch(stack.gatewayUrl(0) + path)).status).toBe(404);
    }
    /** The value of the sample with this name whose labels include all of `labels` (any order). */
    const sample = (text: string, name: string, labels: Record<string, string> = {}): number | undefined => {
      for (const line of text.split('\n')) {
        const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
        if (!match || match[1] !== name) continue;
        const present = Object.fromEntries(
          [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
        );
        if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
      }
      return undefined;
    };
    const gateway = await (await fetch(stack.gatewayMetricsUrl(0))).text();
    expect(
      sample(gateway, 'invigil_http_requests_total', { method: 'POST', route: '/api/auth/login', status: '200' }),
    ).toBeGreaterThan(0);
    expect(sample(gateway, 'invigil_http_requests_total', { route: '/api/sessions', status: '400' })).toBeGreaterThan(
      0,
    );
    expect(
      sample(gateway, 'invigil_http_request_duration_seconds_count', { method: 'POST', route: '/api/sessions' }),
    ).toBeGreaterThan(0);
    expect(
      sample(gateway, 'invigil_rpc_client_duration_seconds_count', { subject: 'enrollment.auth.login', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(sample(gateway, 'invigil_socket_connections')).toBeGreaterThanOrEqual(0);

    const enrollment = await scrape(stack.servicePort('enrollment'));
    expect(
      sample(enrollment, 'invigil_nats_requests_total', { subject: 'enrollment.participant.join', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      sample(enrollment, 'invigil_nats_request_duration_seconds_count', { subject: 'enrollment.auth.login' }),
    ).toBeGreaterThan(0);
    expect(
      sample(enrollment, 'invigil_jetstream_consumer_pending', { consumer: 'enrollment', state: 'pending' }),
    ).toBeGreaterThanOrEqual(0);

    for (const name of ServiceNames) {
      const text = await scrape(stack.servicePort(name));
      expect(sample(text, 'invigil_outbox_backlog', { service: name })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    }
    const scoring = await scrape(stack.servicePort('scoring'));
    expect(
      sample(scoring, 'invigil_bullmq_queue_depth', { queue: 'scoring-certificates', state: 'wait' }),
    ).toBeGreaterThanOrEqual(0);
  });
});
