import type { MessageView, UserView } from '@invigil/contracts';
import { Events, Requests, RpcErrorCode } from '@invigil/contracts';
import { OutboxMessage } from '@invigil/server-platform';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { Peer, RunningTestService } from '@invigil/server-testing';
import {
  answerAsPeer,
  envelope,
  eventually,
  EXPECTED_GARBAGE_CODES,
  PeerError,
  publishEnvelope,
  RawNats,
  sendGarbageToEverySubject,
  startTestService,
  StreamWatcher,
  uniqueTag,
  waitUntilConsumed,
} from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { MessagingModule } from '../src/app.module';
import { MessagingEnv } from '../src/config/env';
import { messagingEntities } from '../src/entities';
import { messagingMigrations } from '../src/migrations';
import { first } from '@invigil/server-testing';

const ORG_ID = DEMO_ORG.id;
const PAULA = DEMO_USERS[1];

describe('messaging service (real PostgreSQL, NATS, Redis)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MessagingEnv>;
  let nats: RawNats;
  let users: Peer<typeof Requests.getUser>;
  let stream: StreamWatcher;
  const broadcast = (sessionId: string, body: string, actorId: string = PAULA.id) =>
    nats.request<MessageView>(Requests.broadcast, { orgId: ORG_ID, actorId, sessionId, body });
  const list = async (sessionId: string) =>
    (
      await nats.request<MessageView[]>(Requests.listMessages, {
        orgId: ORG_ID,
        sessionId,
        viewerId: PAULA.id,
        viewerSide: 'staff',
      })
    ).response ?? [];
  const started = (sessionId: string) =>
    envelope(Events.sessionStarted, {
      orgId: ORG_ID,
      sessionId,
      name: 'Safety Basics',
      startedAt: new Date().toISOString(),
    });

  beforeAll(async () => {
    nats = await RawNats.connect(tag);
    // The enrollment service, as far as messaging needs it.
    users = answerAsPeer(nats, Requests.getUser, (request): UserView => {
      const user = DEMO_USERS.find((candidate) => candidate.id === request.userId);
      if (!user || request.orgId !== ORG_ID)
        throw new PeerError({ code: RpcErrorCode.NotFound, message: `No user ${request.userId}` });
      return {
        id: user.id,
        orgId: ORG_ID,
        orgName: DEMO_ORG.name,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
      };
    });
    stream = await StreamWatcher.start(nats);
    service = await startTestService({
      service: 'messaging',
      envClass: MessagingEnv,
      rootModule: (env) => MessagingModule.forRoot(env),
      entities: messagingEntities,
      migrations: messagingMigrations,
      tag,
    });
  });

  afterAll(async () => {
    await service?.stop();
    stream?.stop();
    users?.stop();
    await nats?.deleteStream();
    await nats?.close();
  });

  it("stores a broadcast under its sender's name and announces it on the stream", async () => {
    const sessionId = randomUUID();
    const reply = await broadcast(sessionId, '  Ten minutes left.  ');
    expect(reply.err).toBeUndefined();
    const message = reply.response as MessageView;
    expect(message).toMatchObject({
      sessionId,
      kind: 'broadcast',
      senderName: 'Paula Proctor',
      body: 'Ten minutes left.',
    });
    expect(users.received).toContainEqual({ orgId: ORG_ID, userId: PAULA.id });
    const sent = await eventually(
      () => stream.of(Events.messageSent).find((event) => event.data.messageId === message.id),
      10_000,
      'message.sent',
    );
    expect(sent.data).toEqual({
      orgId: ORG_ID,
      sessionId,
      messageId: message.id,
      kind: 'broadcast',
      senderId: PAULA.id,
      senderRole: 'staff',
      senderName: 'Paula Proctor',
      body: 'Ten minutes left.',
      sentAt: message.sentAt,
    });
    expect(await list(sessionId)).toEqual([message]);
  });

  it('refuses an empty message and a sender from outside the organization', async () => {
    const empty = await broadcast(randomUUID(), '   ');
    expect(empty.err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: 'The message is empty. Write something to send.',
    });
    const stranger = await broadcast(randomUUID(), 'Hello', randomUUID());
    expect(stranger.err?.code).toBe(RpcErrorCode.Forbidden);
  });

  it('posts one system message when a session starts, even when the start is delivered twice', async () => {
    const sessionId = randomUUID();
    const event = started(sessionId);
    await publishEnvelope(nats, event);
    await publishEnvelope(nats, event, { dedupe: false });
    await waitUntilConsumed(nats, 'messaging');
    const messages = await list(sessionId);
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'system',
        senderName: 'Invigil',
        body: 'The session "Safety Basics" has started. Good luck!',
      }),
    ]);
    const rows = await service.app.get(MikroORM).em.fork().find(OutboxMessage, { subject: Events.messageSent });
    expect(rows.filter((row) => (row.payload as { sessionId?: string }).sessionId === sessionId)).toHaveLength(1);
    const systemMessage = first(messages);
    await eventually(
      () =>
        stream
          .of(Events.messageSent)
          .some((sent) => sent.data.messageId === systemMessage.id && sent.data.kind === 'system'),
      10_000,
      'system message.sent',
    );
  });

  it("lists broadcasts and system messages oldest first, and nothing of another organization's", async () => {
    const sessionId = randomUUID();
    await broadcast(sessionId, 'Please be seated.');
    await publishEnvelope(nats, started(sessionId));
    await waitUntilConsumed(nats, 'messaging');
    await broadcast(sessionId, 'Ten minutes left.');
    expect((await list(sessionId)).map((message) => [message.kind, message.body])).toEqual([
      ['broadcast', 'Please be seated.'],
      ['system', 'The session "Safety Basics" has started. Good luck!'],
      ['broadcast', 'Ten minutes left.'],
    ]);
    const elsewhere = await nats.request<MessageView[]>(Requests.listMessages, {
      orgId: randomUUID(),
      sessionId,
      viewerId: PAULA.id,
      viewerSide: 'staff',
    });
    expect(elsewhere.response).toEqual([]);
  });

  it('answers garbage on every subject it listens on with a typed error, then keeps serving', async () => {
    const subjects = Object.values(Requests).filter((subject) => subject.startsWith('messaging.'));
    const outcomes = await sendGarbageToEverySubject(nats, subjects);
    for (const outcome of outcomes) expect(EXPECTED_GARBAGE_CODES).toContain(outcome.code);
    expect((await broadcast(randomUUID(), 'Still here')).response?.body).toBe('Still here');
  });
});
