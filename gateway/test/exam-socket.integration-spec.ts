import type {
  AttachAttemptAck,
  AttemptSummaryView,
  AttemptView,
  EventEnvelope,
  SaveAnswerSocketAck,
  SessionView,
} from '@invigil/contracts';
import { Events, QuestionType, ServiceNames, SocketCommands, SocketPushes } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { DEMO_USERS } from '@invigil/server-seed';
import { eventually, RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { ApiClient, sessionBody } from './api-client';
import { at } from '@invigil/server-testing';

const [, proctor, candidate] = DEMO_USERS;
const root = join(__dirname, '../..');
const tag = uniqueTag();

/** The exam over the socket, through a real gateway in front of every real service. */
describe('gateway: the exam socket (attach, saves acknowledged after commit, presence)', () => {
  let stack: LocalStack;
  let staff: ApiClient;
  let exam: ApiClient;
  let session: SessionView;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stack = await LocalStack.start({
      root,
      databaseUrl: testDatabaseUrl(),
      natsUrl: testNatsUrl(),
      redisUrl: testRedisUrl(),
      tag,
      gateways: 1,
      jwtSecret: `exam-socket-${tag}-0123456789abcdefghijklmnop`,
      logDir: join(root, 'tmp/test-logs', tag),
      seed: true,
      logLevel: 'warn',
    });
    staff = await ApiClient.signIn(stack.gatewayUrl(0), proctor.email);
    const assessment = await staff.call<{ id: string }>('POST', '/api/assessments', {
      title: 'Socket suite',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'Pick B', options: ['A', 'B'], correctOption: 1, points: 1 },
            { type: QuestionType.Numeric, prompt: 'Two plus two?', correctNumber: 4, tolerance: 0, points: 1 },
          ],
        },
      ],
    });
    expect(assessment.status).toBe(201);
    session = (
      await staff.call<SessionView>('POST', '/api/sessions', sessionBody('Socket exam', assessment.body.id, 30))
    ).body;
    exam = await ApiClient.signIn(stack.gatewayUrl(0), candidate.email);
    expect((await exam.call('POST', '/api/enrollment/join', { code: session.enrollmentCode })).status).toBe(201);
    expect((await staff.call('POST', `/api/sessions/${session.id}/start`)).status).toBe(201);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
    for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
    const nats = await RawNats.connect(tag);
    await nats.deleteStream();
    await nats.close();
  });

  async function connect(token: string | undefined, extraHeaders: Record<string, string> = {}): Promise<Socket> {
    const socket = io(stack.gatewayUrl(0), {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      extraHeaders,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const send = <T>(socket: Socket, command: string, payload: unknown) =>
    socket.timeout(10_000).emitWithAck(command, payload) as Promise<T>;

  let first: Socket;
  let attempt: AttemptView;

  it('attaches the exam view and acknowledges a save only once it is stored', async () => {
    first = await connect(exam.accessToken);
    const ack = await send<AttachAttemptAck>(first, SocketCommands.attachAttempt, {
      sessionId: session.id,
      viewId: 'tab-one-0001',
      takeover: false,
    });
    expect(ack).toMatchObject({ ok: true, attached: true });
    attempt = (ack as { attempt: AttemptView }).attempt;
    const saved = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, {
      sessionId: session.id,
      questionId: at(attempt.questions, 0).id,
      viewId: 'tab-one-0001',
      clientSeq: 1,
      answer: { selectedOption: 1 },
    });
    expect(saved).toMatchObject({ ok: true, clientSeq: 1, storedSeq: 1, answeredCount: 1 });
    const reloaded = await exam.call<AttemptView>('GET', `/api/sessions/${session.id}/attempt`);
    expect(reloaded.body.answers).toEqual([
      { questionId: at(attempt.questions, 0).id, answer: { selectedOption: 1 }, clientSeq: 1 },
    ]);
  });

  it('refuses bad saves in the acknowledgement with the reason, and keeps serving', async () => {
    const base = { sessionId: session.id, viewId: 'tab-one-0001', clientSeq: 5 };
    const wrongType = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, {
      ...base,
      questionId: at(attempt.questions, 1).id,
      answer: { text: 'four' },
    });
    expect(wrongType).toMatchObject({ ok: false, status: 400 });
    const malformed = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, {
      ...base,
      questionId: 'nope',
      answer: { numberValue: 4 },
    });
    expect(malformed).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('questionId must be a UUID'),
    });
    const notAnObject = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, 'garbage');
    expect(notAnObject).toMatchObject({ ok: false, status: 400 });
    const fine = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, {
      ...base,
      questionId: at(attempt.questions, 1).id,
      answer: { numberValue: 4 },
    });
    expect(fine).toMatchObject({ ok: true, answeredCount: 2 });
  });

  it('refuses a save from a socket that has not attached the exam view', async () => {
    const unattached = await connect(exam.accessToken);
    const ack = await send<SaveAnswerSocketAck>(unattached, SocketCommands.saveAnswer, {
      sessionId: session.id,
      questionId: at(attempt.questions, 0).id,
      viewId: 'tab-one-0001',
      clientSeq: 3,
      answer: { selectedOption: 0 },
    });
    expect(ack).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining('Attach the exam view first'),
    });
    unattached.disconnect();
  });

  it('refuses the exam commands to staff sockets', async () => {
    const staffSocket = await connect(staff.accessToken);
    const ack = await send<AttachAttemptAck>(staffSocket, SocketCommands.attachAttempt, {
      sessionId: session.id,
      viewId: 'staff-view-01',
      takeover: false,
    });
    expect(ack).toMatchObject({ ok: false, status: 403 });
  });

  it('asks before a second tab takes over, then refuses the saves of the first', async () => {
    const second = await connect(exam.accessToken);
    const pushedToFirst: EventEnvelope[] = [];
    first.on(SocketPushes.event, (envelope: EventEnvelope) => pushedToFirst.push(envelope));
    const asked = await send<AttachAttemptAck>(second, SocketCommands.attachAttempt, {
      sessionId: session.id,
      viewId: 'tab-two-0002',
      takeover: false,
    });
    expect(asked).toEqual({ ok: true, attached: false, reason: 'another-view-live' });
    const taken = await send<AttachAttemptAck>(second, SocketCommands.attachAttempt, {
      sessionId: session.id,
      viewId: 'tab-two-0002',
      takeover: true,
    });
    expect(taken).toMatchObject({ ok: true, attached: true });
    const late = await send<SaveAnswerSocketAck>(first, SocketCommands.saveAnswer, {
      sessionId: session.id,
      questionId: at(attempt.questions, 0).id,
      viewId: 'tab-one-0001',
      clientSeq: 9,
      answer: { selectedOption: 0 },
    });
    expect(late).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/another window/) });
    const told = await eventually(
      () => pushedToFirst.find((e) => e.subject === Events.attemptViewTakenOver),
      10_000,
      'the takeover pushed to the first tab',
    );
    expect(told.data).toMatchObject({ viewId: 'tab-two-0002', previousViewId: 'tab-one-0001' });
    first.disconnect();
    const summary = await staff.call<AttemptSummaryView[]>('GET', `/api/sessions/${session.id}/attempts`);
    // The first tab closing is not the candidate leaving: the live view is the second tab.
    expect(summary.body[0]).toMatchObject({ connected: true });
  });

  it('records a disconnection when the live view goes away, and its end when the candidate is back', async () => {
    const live = sockets.find(
      (socket) => socket.connected && socket.auth && (socket.auth as { token?: string }).token === exam.accessToken,
    );
    live?.disconnect();
    const disconnected = await eventually(
      async () =>
        (await staff.call<AttemptSummaryView[]>('GET', `/api/sessions/${session.id}/attempts`)).body.find(
          (s) => !s.connected,
        ),
      10_000,
      'the attempt shown disconnected',
    );
    expect(disconnected.attemptId).toBe(attempt.id);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const back = await connect(exam.accessToken);
    const reattached = await send<AttachAttemptAck>(back, SocketCommands.attachAttempt, {
      sessionId: session.id,
      viewId: 'tab-two-0002',
      takeover: false,
    });
    expect(reattached).toMatchObject({ ok: true, attached: true, attempt: { answeredCount: 2 } });
    const summary = at((await staff.call<AttemptSummaryView[]>('GET', `/api/sessions/${session.id}/attempts`)).body, 0);
    expect(summary).toMatchObject({ connected: true });
    expect(summary.disconnectedSeconds).toBeGreaterThanOrEqual(1);
  });

  it('lets the proctor pause and resume one candidate, which the candidate sees', async () => {
    const paused = await staff.call<AttemptSummaryView>(
      'POST',
      `/api/sessions/${session.id}/attempts/${candidate.id}/pause`,
    );
    expect(paused).toMatchObject({ status: 200, body: { paused: true } });
    expect((await exam.call<AttemptView>('GET', `/api/sessions/${session.id}/attempt`)).body).toMatchObject({
      paused: true,
      pausedBy: 'proctor',
    });
    const resumed = await staff.call<AttemptSummaryView>(
      'POST',
      `/api/sessions/${session.id}/attempts/${candidate.id}/resume`,
    );
    expect(resumed.body.paused).toBe(false);
    const badExtend = await staff.call<{ message: string }>(
      'POST',
      `/api/sessions/${session.id}/attempts/${candidate.id}/extend`,
      { minutes: 'ten' },
    );
    expect(badExtend.status).toBe(400);
    expect(badExtend.body.message).toMatch(/minutes must be a whole number/);
  });

  it('asks for Safe Exam Browser on the socket when the session lists Config Keys', async () => {
    const configKey = randomBytes(32).toString('hex');
    const sebSession = (
      await staff.call<SessionView>(
        'POST',
        '/api/sessions',
        sessionBody('SEB exam', session.assessmentId, 30, {
          security: {
            browserLockdown: false,
            screenMonitoring: false,
            identityVerification: false,
            safeExamBrowserConfigKeys: [configKey],
          },
        }),
      )
    ).body;
    const other = await ApiClient.signIn(stack.gatewayUrl(0), DEMO_USERS[3].email);
    expect((await other.call('POST', '/api/enrollment/join', { code: sebSession.enrollmentCode })).status).toBe(201);
    expect((await staff.call('POST', `/api/sessions/${sebSession.id}/start`)).status).toBe(201);
    const attachTo = { sessionId: sebSession.id, viewId: 'seb-view-0001', takeover: false };

    const plain = await connect(other.accessToken);
    expect(await send<AttachAttemptAck>(plain, SocketCommands.attachAttempt, attachTo)).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('Safe Exam Browser'),
    });
    const handshakeUrl = `${stack.gatewayUrl(0)}/socket.io/?EIO=4&transport=websocket`;
    const hash = createHash('sha256')
      .update(handshakeUrl + configKey)
      .digest('hex');
    const viaSeb = await connect(other.accessToken, { 'x-safeexambrowser-configkeyhash': hash });
    expect(await send<AttachAttemptAck>(viaSeb, SocketCommands.attachAttempt, attachTo)).toMatchObject({
      ok: true,
      attached: true,
    });
  });
});
