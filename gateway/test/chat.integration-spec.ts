import type { AssessmentView, EventEnvelope, MessageView, SessionView, UnreadCountsView } from '@invigil/contracts';
import { Events, QuestionType, SocketCommands, SocketPushes } from '@invigil/contracts';
import type { LocalStack } from '@invigil/local-stack';
import { DEMO_USERS } from '@invigil/server-seed';
import { eventually, uniqueTag } from '@invigil/server-testing';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { ApiClient, sessionBody } from './api-client';
import { startSuiteStack, stopSuiteStack } from './support-stack';

const tag = uniqueTag();
const [, proctor, carla, chen, cyrus] = DEMO_USERS;
type Person = (typeof DEMO_USERS)[number];

/** A signed-in person with a socket watching the session, and everything it was pushed. */
interface Watcher {
  api: ApiClient;
  socket: Socket;
  pushed: EventEnvelope[];
}

describe('gateway: messages reach only their recipients (real servers and sockets)', () => {
  let stack: LocalStack;
  let session: SessionView;
  const watchers = new Map<string, Watcher>();
  const of = (person: Person) => watchers.get(person.id) as Watcher;

  async function watch(person: Person): Promise<Watcher> {
    const api = await ApiClient.signIn(stack.gatewayUrl(0), person.email);
    const socket = io(stack.gatewayUrl(0), {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: api.accessToken },
      reconnection: false,
    });
    const pushed: EventEnvelope[] = [];
    socket.on(SocketPushes.event, (envelope: EventEnvelope) => pushed.push(envelope));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(await socket.timeout(10_000).emitWithAck(SocketCommands.watchSession, { sessionId: session.id })).toEqual({
      ok: true,
    });
    return { api, socket, pushed };
  }

  const messagesPushed = (person: Person) =>
    of(person)
      .pushed.filter((e) => e.subject === Events.messageSent)
      .map((e) => (e.data as { body: string }).body);
  /** A broadcast to everyone after the messages under test: once it arrived, everything before it has too. */
  async function afterMarker(marker: string): Promise<void> {
    expect((await of(proctor).api.call('POST', `/api/sessions/${session.id}/messages`, { body: marker })).status).toBe(
      201,
    );
    for (const person of [proctor, carla, chen, cyrus]) {
      await eventually(
        () => messagesPushed(person).includes(marker) || undefined,
        10_000,
        `${marker} at ${person.email}`,
      );
    }
  }

  beforeAll(async () => {
    stack = await startSuiteStack(tag, `chat-${tag}-0123456789abcdefghijklmnop`, 1);
    const staff = await ApiClient.signIn(stack.gatewayUrl(0), proctor.email);
    const assessment = await staff.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Chat',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'A?', options: ['A', 'B'], correctOption: 0, points: 1 },
          ],
        },
      ],
    });
    session = (await staff.call<SessionView>('POST', '/api/sessions', sessionBody('Chat', assessment.body.id, 30)))
      .body;
    for (const person of [carla, chen, cyrus]) {
      const api = await ApiClient.signIn(stack.gatewayUrl(0), person.email);
      expect((await api.call('POST', '/api/enrollment/join', { code: session.enrollmentCode })).status).toBe(201);
    }
    for (const person of [proctor, carla, chen, cyrus]) watchers.set(person.id, await watch(person));
  });

  afterAll(async () => {
    for (const watcher of watchers.values()) watcher.socket.disconnect();
    await stopSuiteStack(stack, tag);
  });

  const url = (suffix = '') => `/api/sessions/${session?.id}/messages${suffix}`;

  it('pushes a private message to its candidate and the staff only, and a subset broadcast to its recipients only', async () => {
    const staff = of(proctor).api;
    expect((await staff.call('POST', url('/private'), { body: 'For Carla', toUserIds: [carla.id] })).status).toBe(201);
    const subset = { body: 'For Chen and Cyrus', recipientUserIds: [chen.id, cyrus.id] };
    expect((await staff.call('POST', url(), subset)).status).toBe(201);
    expect((await of(carla).api.call('POST', url('/to-staff'), { body: 'From Carla' })).status).toBe(201);
    await afterMarker('Marker one');
    expect(messagesPushed(proctor)).toEqual(['For Carla', 'For Chen and Cyrus', 'From Carla', 'Marker one']);
    expect(messagesPushed(carla)).toEqual(['For Carla', 'From Carla', 'Marker one']);
    expect(messagesPushed(chen)).toEqual(['For Chen and Cyrus', 'Marker one']);
    expect(messagesPushed(cyrus)).toEqual(['For Chen and Cyrus', 'Marker one']);
    // The lists say the same as the pushes: nobody reads another candidate's thread.
    const listed = await of(chen).api.call<MessageView[]>('GET', url());
    expect(listed.body.map((m) => m.body)).toEqual(['For Chen and Cyrus', 'Marker one']);
  });

  it('pushes receipts and raised hands to the staff, not to other candidates', async () => {
    const mine = await of(carla).api.call<MessageView[]>('GET', url());
    const forCarla = mine.body.find((m) => m.body === 'For Carla') as MessageView;
    const read = await of(carla).api.call('POST', url('/receipts'), { messageIds: [forCarla.id], receipt: 'read' });
    expect(read).toMatchObject({ status: 200, body: { recorded: 2 } });
    expect((await of(carla).api.call('PUT', `/api/sessions/${session.id}/hand`, { raised: true })).status).toBe(200);
    const reachedStaff = () =>
      of(proctor).pushed.some((e) => e.subject === Events.handRaised) &&
      of(proctor).pushed.filter((e) => e.subject === Events.messageReceipt).length === 2;
    await eventually(() => reachedStaff() || undefined, 10_000, 'receipts and hand at the proctor');
    await afterMarker('Marker two');
    for (const other of [chen, cyrus]) {
      expect(
        of(other).pushed.filter((e) => e.subject === Events.messageReceipt || e.subject === Events.handRaised),
      ).toEqual([]);
    }
    const thread = await of(proctor).api.call<MessageView[]>('GET', `${url()}?candidate=${carla.id}`);
    const receipts = thread.body.find((m) => m.id === forCarla.id)?.receipts.map((r) => r.receipt);
    expect(receipts).toEqual(['delivered', 'read']);
    const unread = await of(proctor).api.call<UnreadCountsView>('GET', url('/unread'));
    expect(unread.body).toEqual({ total: 1, threads: [{ userId: carla.id, count: 1 }] });
  });

  it('refuses bad input with a clear 4xx and keeps serving', async () => {
    const staff = of(proctor).api;
    const empty = await staff.call<{ message: string }>('POST', url('/private'), {
      body: '   ',
      toUserIds: [carla.id],
    });
    expect(empty).toMatchObject({ status: 400, body: { message: 'The message is empty. Write something to send.' } });
    const long = await staff.call<{ message: string }>('POST', url(), { body: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('at most 2000 characters');
    const outsider = DEMO_USERS[0].id;
    const outside = await staff.call<{ message: string }>('POST', url('/private'), {
      body: 'Hi',
      toUserIds: [outsider],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain(outsider);
    // A candidate chooses no recipient: the route for it is staff-only and the body names none.
    const toChen = await of(carla).api.call('POST', url('/private'), { body: 'Hi Chen', toUserIds: [chen.id] });
    expect(toChen.status).toBe(403);
    const named = await of(carla).api.call<{ message: string }>('POST', url('/to-staff'), {
      body: 'Hi',
      toUserIds: [chen.id],
    });
    expect(named.status).toBe(400);
    expect(named.body.message).toContain('toUserIds');
    const badCursor = await of(carla).api.call('GET', `${url()}?after=soon`);
    expect(badCursor.status).toBe(400);
    expect((await staff.call('POST', url(), { body: 'Still here' })).status).toBe(201);
  });
});
