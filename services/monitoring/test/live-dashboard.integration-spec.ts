import type { LiveSessionView, SignalView } from '@invigil/contracts';
import { Events, ParticipantStatus, Requests, SignalKind } from '@invigil/contracts';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { ORG_ID } from './support/timeline';

/** The dashboard's read model: invited rows, connection, flags, alerts by severity, unread, hands, counters, deltas. */
describe('monitoring: the live dashboard read model', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const sessionId = randomUUID();
  const scope = { orgId: ORG_ID, sessionId };
  const people = ['Ada', 'Ben', 'Cleo'].map((displayName) => ({
    displayName,
    userId: randomUUID(),
    participantId: randomUUID(),
    attemptId: randomUUID(),
  }));
  const [ada, ben, cleo] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const live = async () =>
    (await nats.request<LiveSessionView>(Requests.getLiveSession, { orgId: ORG_ID, sessionId })).response;
  const rowOf = async (userId: string) => (await live())?.participants.find((row) => row.userId === userId);
  const deltasOf = (userId: string) =>
    stream.of(Events.liveParticipantUpdated).filter((event) => event.data.userId === userId);
  const happen = async (...events: Parameters<typeof publishEnvelope>[1][]) => {
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
  };

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
    await happen(
      envelope(Events.sessionCreated, { ...scope, name: 'Hall A', enrollmentCode: 'HALL01', questionCount: 5 }),
      ...people.map((person) =>
        envelope(Events.participantAdded, {
          ...scope,
          userId: person.userId,
          participantId: person.participantId,
          displayName: person.displayName,
          status: ParticipantStatus.Invited,
          timeLimitMinutes: null,
          timeLimitMultiplier: null,
          invitationRequested: false,
        }),
      ),
    );
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  it('shows invited people who have not joined, and counts them', async () => {
    const view = await live();
    expect(view?.participants.map((row) => [row.displayName, row.status])).toEqual([
      ['Ada', ParticipantStatus.Invited],
      ['Ben', ParticipantStatus.Invited],
      ['Cleo', ParticipantStatus.Invited],
    ]);
    expect(view?.counters).toMatchObject({ invited: 3, waiting: 0, inSession: 0, disconnected: 0, complete: 0 });
    expect(deltasOf(ada.userId)[0]?.data).toMatchObject({ status: ParticipantStatus.Invited, totalQuestions: 5 });
  });

  it('follows progress, flags and the connection with its last seen time, pushing one row delta per change', async () => {
    const inSession = (person: typeof ada) =>
      envelope(Events.participantStatusChanged, {
        ...scope,
        userId: person.userId,
        participantId: person.participantId,
        from: ParticipantStatus.Invited,
        to: ParticipantStatus.InSession,
      });
    const since = new Date(Date.now() - 5_000).toISOString();
    await happen(
      inSession(ada),
      inSession(ben),
      envelope(Events.attemptProgressed, {
        ...scope,
        userId: ada.userId,
        attemptId: ada.attemptId,
        answeredCount: 3,
        totalQuestions: 5,
        flaggedCount: 2,
      }),
      envelope(Events.attemptDisconnected, { ...scope, userId: ben.userId, attemptId: ben.attemptId, since }),
      envelope(Events.attemptExtended, {
        ...scope,
        userId: ada.userId,
        attemptId: ada.attemptId,
        remainingSeconds: 1200,
        minutes: 10,
      }),
    );
    expect(await rowOf(ada.userId)).toMatchObject({ answeredCount: 3, flaggedCount: 2, extensionMinutes: 10 });
    expect(await rowOf(ben.userId)).toMatchObject({ connected: false, lastSeenAt: since });
    expect((await live())?.counters).toMatchObject({ invited: 1, inSession: 1, disconnected: 1 });
    // The pushed delta carries the whole row: a dashboard applies it without asking for anything.
    const latest = await eventually(() => deltasOf(ben.userId).find((event) => event.data.connected === false));
    expect(latest.data).toMatchObject({ displayName: 'Ben', status: ParticipantStatus.InSession, lastSeenAt: since });

    await happen(
      envelope(Events.attemptReconnected, {
        ...scope,
        userId: ben.userId,
        attemptId: ben.attemptId,
        disconnectedSeconds: 5,
        totalDisconnectedSeconds: 5,
      }),
    );
    expect(await rowOf(ben.userId)).toMatchObject({ connected: true });
    expect((await live())?.counters).toMatchObject({ inSession: 2, disconnected: 0 });
  });

  it('counts open alerts by severity', async () => {
    for (const kind of [SignalKind.TabHidden, SignalKind.ViewTakenOver, SignalKind.PasteAttempted])
      await nats.request<SignalView>(Requests.recordSignal, {
        ...scope,
        userId: ada.userId,
        kind,
        occurredAt: new Date().toISOString(),
      });
    expect(await rowOf(ada.userId)).toMatchObject({ alertCount: 3, alerts: { low: 1, medium: 1, high: 1 } });
    expect((await live())?.counters?.alerts).toEqual({ low: 1, medium: 1, high: 1 });
  });

  it("counts a candidate's messages until a staff member reads them, and shows a raised hand", async () => {
    const messageId = randomUUID();
    const sent = (id: string, senderRole: 'candidate' | 'staff') =>
      envelope(Events.messageSent, {
        ...scope,
        messageId: id,
        kind: 'private',
        senderId: senderRole === 'candidate' ? cleo.userId : randomUUID(),
        senderRole,
        senderName: senderRole === 'candidate' ? 'Cleo' : 'Proctor',
        body: 'I need help',
        sentAt: new Date().toISOString(),
        toUserId: cleo.userId,
      });
    const read = (id: string, userId: string) =>
      envelope(Events.messageReceipt, {
        ...scope,
        messageId: id,
        userId,
        receipt: 'read',
        at: new Date().toISOString(),
      });
    await happen(
      sent(messageId, 'candidate'),
      sent(randomUUID(), 'candidate'),
      sent(randomUUID(), 'staff'),
      envelope(Events.handRaised, { ...scope, userId: cleo.userId, raised: true, at: new Date().toISOString() }),
    );
    expect(await rowOf(cleo.userId)).toMatchObject({ unreadMessages: 2, handRaised: true });
    expect((await live())?.counters).toMatchObject({ unreadMessages: 2, handsRaised: 1 });

    // Cleo's own receipt changes nothing; the proctor's does, once, however many proctors read it.
    await happen(read(messageId, cleo.userId), read(messageId, randomUUID()), read(messageId, randomUUID()));
    expect(await rowOf(cleo.userId)).toMatchObject({ unreadMessages: 1 });
    await happen(
      envelope(Events.handRaised, { ...scope, userId: cleo.userId, raised: false, at: new Date().toISOString() }),
    );
    expect(await rowOf(cleo.userId)).toMatchObject({ handRaised: false });
  });

  it('drops a person taken off the roster and tells dashboards with a removal delta', async () => {
    const extra = { userId: randomUUID(), participantId: randomUUID() };
    await happen(
      envelope(Events.participantAdded, {
        ...scope,
        ...extra,
        displayName: 'Dara',
        status: ParticipantStatus.Invited,
        timeLimitMinutes: null,
        timeLimitMultiplier: null,
        invitationRequested: false,
      }),
    );
    expect(await rowOf(extra.userId)).toBeDefined();
    await happen(envelope(Events.participantRemoved, { ...scope, ...extra }));
    expect(await rowOf(extra.userId)).toBeUndefined();
    const removal = await eventually(() => deltasOf(extra.userId).find((event) => event.data.removed === true));
    expect(removal.data).toMatchObject({ displayName: 'Dara', removed: true });
  });
});
