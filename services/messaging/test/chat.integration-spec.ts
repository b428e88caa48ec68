import type {
  HandView,
  MessageView,
  ParticipantView,
  ReceiptsRecordedView,
  UnreadCountsView,
  UserView,
} from '@invigil/contracts';
import { Events, MESSAGE_MAX_LENGTH, Requests, RpcErrorCode } from '@invigil/contracts';
import { mergeMessages } from '@invigil/domain';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { Peer, RunningTestService } from '@invigil/server-testing';
import {
  answerAsPeer,
  eventually,
  PeerError,
  RawNats,
  startTestService,
  StreamWatcher,
  uniqueTag,
} from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { MessagingModule } from '../src/app.module';
import { MessagingEnv } from '../src/config/env';
import { messagingEntities } from '../src/entities';
import { messagingMigrations } from '../src/migrations';

const ORG_ID = DEMO_ORG.id;
const [, PAULA, CARLA, CHEN, CYRUS] = DEMO_USERS;
type Side = 'staff' | 'candidate';
const staff: { id: string; side: Side } = { id: PAULA.id, side: 'staff' };
const as = (user: { id: string }, side: Side = 'candidate') => ({ id: user.id, side });

describe('messaging: private threads, subset broadcasts, receipts, catch-up, hands (real PostgreSQL, NATS)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MessagingEnv>;
  let nats: RawNats;
  let peers: Peer<typeof Requests.getUser | typeof Requests.listParticipants>[] = [];
  let stream: StreamWatcher;
  /** sessionId → the user ids on its roster (Carla and Chen; Cyrus is in the organization but not on it). */
  const rosters = new Map<string, string[]>();

  const viewer = (who: { id: string; side: Side }, sessionId: string) => ({
    orgId: ORG_ID,
    sessionId,
    viewerId: who.id,
    viewerSide: who.side,
  });
  const session = () => {
    const id = randomUUID();
    rosters.set(id, [CARLA.id, CHEN.id]);
    return id;
  };
  const list = async (who: { id: string; side: Side }, sessionId: string, extra: object = {}) => {
    const reply = await nats.request<MessageView[]>(Requests.listMessages, { ...viewer(who, sessionId), ...extra });
    expect(reply.err).toBeUndefined();
    return reply.response ?? [];
  };
  const sendPrivate = (sessionId: string, toUserIds: string[], body: string, who = staff) =>
    nats.request<MessageView[]>(Requests.sendPrivateMessage, { ...viewer(who, sessionId), body, toUserIds });
  const ask = (sessionId: string, user: { id: string }, body: string) =>
    nats.request<MessageView>(Requests.writeToStaff, { ...viewer(as(user), sessionId), body });
  const broadcast = (sessionId: string, body: string, recipientUserIds?: string[]) =>
    nats.request<MessageView>(Requests.broadcast, {
      orgId: ORG_ID,
      actorId: PAULA.id,
      sessionId,
      body,
      ...(recipientUserIds ? { recipientUserIds } : {}),
    });
  const receipts = (who: { id: string; side: Side }, sessionId: string, messageIds: string[], receipt: string) =>
    nats.request<ReceiptsRecordedView>(Requests.recordReceipts, { ...viewer(who, sessionId), messageIds, receipt });
  const unread = async (who: { id: string; side: Side }, sessionId: string) =>
    (await nats.request<UnreadCountsView>(Requests.unreadCounts, viewer(who, sessionId))).response;

  beforeAll(async () => {
    nats = await RawNats.connect(tag);
    peers = [
      answerAsPeer(nats, Requests.getUser, (request): UserView => {
        const user = DEMO_USERS.find((candidate) => candidate.id === request.userId);
        if (!user || request.orgId !== ORG_ID)
          throw new PeerError({ code: RpcErrorCode.NotFound, message: `No user ${request.userId}` });
        const { id, email, displayName, role } = user;
        return { id, orgId: ORG_ID, orgName: DEMO_ORG.name, email, displayName, role };
      }),
      answerAsPeer(nats, Requests.listParticipants, (request) =>
        (request.orgId === ORG_ID ? (rosters.get(request.sessionId) ?? []) : []).map(
          (userId) => ({ userId, sessionId: request.sessionId }) as ParticipantView,
        ),
      ),
    ];
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
    for (const peer of peers) peer.stop();
    await nats?.deleteStream();
    await nats?.close();
  });

  it("writes one private message into each selected candidate's thread; no candidate sees another's", async () => {
    const sessionId = session();
    const reply = await sendPrivate(sessionId, [CARLA.id, CHEN.id], 'Please check your camera.');
    expect(reply.err).toBeUndefined();
    const sent = reply.response ?? [];
    expect(sent.map((m) => [m.kind, m.toUserId, m.senderRole, m.senderName])).toEqual([
      ['private', CARLA.id, 'staff', 'Paula Proctor'],
      ['private', CHEN.id, 'staff', 'Paula Proctor'],
    ]);
    expect((await list(as(CARLA), sessionId)).map((m) => m.id)).toEqual([sent[0]?.id]);
    expect((await list(as(CHEN), sessionId)).map((m) => m.id)).toEqual([sent[1]?.id]);
    expect(await list(as(CYRUS), sessionId)).toEqual([]);
    // Every staff member sees both threads (another proctor too).
    const rita = { id: DEMO_USERS[0].id, side: 'staff' as Side };
    expect((await list(rita, sessionId)).map((m) => m.id)).toEqual(sent.map((m) => m.id));
    const event = await eventually(
      () => stream.of(Events.messageSent).find((e) => e.data.messageId === sent[1]?.id),
      10_000,
      'private message.sent',
    );
    expect(event.data).toMatchObject({ kind: 'private', toUserId: CHEN.id, senderId: PAULA.id, senderRole: 'staff' });
  });

  it("takes a candidate's question into their own thread for all staff, and shows it in order with the replies", async () => {
    const sessionId = session();
    const question = await ask(sessionId, CARLA, '  May I use a calculator?  ');
    expect(question.response).toMatchObject({
      kind: 'private',
      senderRole: 'candidate',
      senderId: CARLA.id,
      toUserId: CARLA.id,
      senderName: 'Carla Candidate',
      body: 'May I use a calculator?',
    });
    await sendPrivate(sessionId, [CARLA.id], 'Yes, the one on screen.');
    const thread = await list(staff, sessionId, { candidateId: CARLA.id });
    expect(thread.map((m) => [m.senderRole, m.body])).toEqual([
      ['candidate', 'May I use a calculator?'],
      ['staff', 'Yes, the one on screen.'],
    ]);
    expect(await list(staff, sessionId, { candidateId: CHEN.id })).toEqual([]);
    expect(await list(as(CHEN), sessionId)).toEqual([]);
  });

  it('refuses bad messages clearly and writes nothing', async () => {
    const sessionId = session();
    expect((await sendPrivate(sessionId, [CARLA.id], '   ')).err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: 'The message is empty. Write something to send.',
    });
    const tooLong = await ask(sessionId, CARLA, 'x'.repeat(MESSAGE_MAX_LENGTH + 1));
    expect(tooLong.err?.code).toBe(RpcErrorCode.ValidationFailed);
    const outside = await sendPrivate(sessionId, [CARLA.id, CYRUS.id], 'Hello');
    expect(outside.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(outside.err?.message).toContain(`not candidates of this session: ${CYRUS.id}`);
    const subsetOutside = await broadcast(sessionId, 'Hello', [CYRUS.id]);
    expect(subsetOutside.err?.code).toBe(RpcErrorCode.ValidationFailed);
    // A candidate names no recipient: writing "to a candidate" is refused, and so is writing from off the roster.
    expect((await sendPrivate(sessionId, [CHEN.id], 'Hi Chen', as(CARLA))).err?.code).toBe(RpcErrorCode.Forbidden);
    expect((await ask(sessionId, CYRUS, 'Let me in')).err?.code).toBe(RpcErrorCode.Forbidden);
    // A session of another organization has no roster here: nobody on it can be written to.
    const foreign = await nats.request(Requests.sendPrivateMessage, {
      ...viewer(staff, sessionId),
      orgId: randomUUID(),
      body: 'Hi',
      toUserIds: [CARLA.id],
    });
    expect(foreign.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(await list(staff, sessionId)).toEqual([]);
  });

  it('sends a subset broadcast only to the chosen candidates', async () => {
    const sessionId = session();
    const everyone = (await broadcast(sessionId, 'Welcome')).response as MessageView;
    const subset = (await broadcast(sessionId, 'Chen: please move closer', [CHEN.id])).response as MessageView;
    expect(subset.recipientUserIds).toEqual([CHEN.id]);
    expect((await list(as(CHEN), sessionId)).map((m) => m.id)).toEqual([everyone.id, subset.id]);
    expect((await list(as(CARLA), sessionId)).map((m) => m.id)).toEqual([everyone.id]);
    const event = await eventually(
      () => stream.of(Events.messageSent).find((e) => e.data.messageId === subset.id),
      10_000,
      'subset broadcast',
    );
    expect(event.data.recipientUserIds).toEqual([CHEN.id]);
  });

  it('records delivered and read receipts once per recipient, shows them to the sender side and counts unread', async () => {
    const sessionId = session();
    const [toCarla] = (await sendPrivate(sessionId, [CARLA.id], 'Are you there?')).response ?? [];
    const message = toCarla as MessageView;
    expect(await unread(as(CARLA), sessionId)).toEqual({ total: 1, threads: [{ userId: CARLA.id, count: 1 }] });

    expect((await receipts(as(CARLA), sessionId, [message.id], 'delivered')).response).toEqual({ recorded: 1 });
    expect((await receipts(as(CARLA), sessionId, [message.id], 'read')).response).toEqual({ recorded: 1 });
    // The same receipts again after a reload record nothing.
    expect((await receipts(as(CARLA), sessionId, [message.id], 'read')).response).toEqual({ recorded: 0 });
    expect(await unread(as(CARLA), sessionId)).toEqual({ total: 0, threads: [] });
    const [shown] = await list(staff, sessionId);
    expect(shown?.receipts.map((r) => [r.userId, r.receipt])).toEqual([
      [CARLA.id, 'delivered'],
      [CARLA.id, 'read'],
    ]);
    const events = await eventually(
      () => {
        const found = stream.of(Events.messageReceipt).filter((e) => e.data.messageId === message.id);
        return found.length === 2 ? found : undefined;
      },
      10_000,
      'two receipts',
    );
    expect(events.map((e) => e.data.receipt).sort()).toEqual(['delivered', 'read']);

    // Chen cannot acknowledge Carla's message; the refusal names it and records nothing.
    const foreign = await receipts(as(CHEN), sessionId, [message.id], 'read');
    expect(foreign.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(foreign.err?.message).toContain(message.id);

    // The other way: staff unread counts per thread, cleared when any staff member reads.
    const question = (await ask(sessionId, CARLA, 'Thanks, yes.')).response as MessageView;
    expect(await unread(staff, sessionId)).toEqual({ total: 1, threads: [{ userId: CARLA.id, count: 1 }] });
    await receipts(staff, sessionId, [question.id], 'read');
    expect((await unread(staff, sessionId))?.total).toBe(0);
    const mine = (await list(as(CARLA), sessionId)).find((m) => m.id === question.id);
    expect(mine?.receipts.map((r) => [r.userId, r.receipt])).toEqual([
      [PAULA.id, 'delivered'],
      [PAULA.id, 'read'],
    ]);
    // A candidate sees their own receipts (what they read, after a reload) but nobody else's on what they did not write.
    const broadcastToAll = (await broadcast(sessionId, 'Everyone')).response as MessageView;
    await receipts(as(CHEN), sessionId, [broadcastToAll.id], 'read');
    await receipts(as(CARLA), sessionId, [broadcastToAll.id], 'delivered');
    const seenByCarla = (await list(as(CARLA), sessionId)).find((m) => m.id === broadcastToAll.id);
    expect(seenByCarla?.receipts.map((r) => [r.userId, r.receipt])).toEqual([[CARLA.id, 'delivered']]);
    const seenByStaff = (await list(staff, sessionId)).find((m) => m.id === broadcastToAll.id);
    expect(seenByStaff?.receipts).toHaveLength(3);
  });

  it('catches a reconnecting client up with everything after its last message, in order, once', async () => {
    const sessionId = session();
    const first = (await broadcast(sessionId, 'One')).response as MessageView;
    const held = await list(as(CARLA), sessionId);
    // Meanwhile (the client is offline): a broadcast, a private message, one for Chen only.
    await broadcast(sessionId, 'Two');
    await sendPrivate(sessionId, [CARLA.id], 'Three');
    await broadcast(sessionId, 'Not for Carla', [CHEN.id]);
    await ask(sessionId, CARLA, 'Four');
    const missed = await list(as(CARLA), sessionId, { afterSeq: first.seq });
    expect(missed.map((m) => m.body)).toEqual(['Two', 'Three', 'Four']);
    // A push that arrived during the catch-up, then the catch-up itself: each message once, in order.
    const merged = mergeMessages(mergeMessages(held, missed.slice(1, 2)), missed);
    expect(merged.map((m) => m.body)).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(await list(as(CARLA), sessionId, { afterSeq: merged.at(-1)?.seq })).toEqual([]);
  });

  it('raises and lowers a hand, lists it for staff, and lets staff lower but not raise it', async () => {
    const sessionId = session();
    const raise = (user: { id: string }, raised: boolean, who = as(user)) =>
      nats.request<HandView>(Requests.setHand, { ...viewer(who, sessionId), userId: user.id, raised });
    expect((await raise(CARLA, true)).response).toMatchObject({ userId: CARLA.id, raised: true });
    const hands = await nats.request<HandView[]>(Requests.listHands, viewer(staff, sessionId));
    expect(hands.response?.map((h) => [h.userId, h.raised])).toEqual([[CARLA.id, true]]);
    expect((await raise(CHEN, true, as(CARLA))).err?.code).toBe(RpcErrorCode.Forbidden);
    expect((await raise(CHEN, true, staff)).err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect((await raise(CYRUS, true)).err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect((await raise(CARLA, false, staff)).response?.raised).toBe(false);
    const events = await eventually(
      () => {
        const found = stream.of(Events.handRaised).filter((e) => e.data.sessionId === sessionId);
        return found.length === 2 ? found : undefined;
      },
      10_000,
      'hand events',
    );
    expect(events.map((e) => [e.data.userId, e.data.raised])).toEqual([
      [CARLA.id, true],
      [CARLA.id, false],
    ]);
    const own = await nats.request<HandView[]>(Requests.listHands, viewer(as(CHEN), sessionId));
    expect(own.response).toEqual([]);
  });
});
