import type { EventEnvelope, RecordPage } from '@invigil/contracts';
import { Events, RecordKind, Requests } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { envelope, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { CARLA, ORG_ID } from './support/timeline';

const PROCTOR = DEMO_USERS[1];

describe('monitoring: messages, receipts and hands in the session record (real PostgreSQL, NATS)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const sessionId = randomUUID();
  const scope = { orgId: ORG_ID, sessionId };
  const now = () => new Date().toISOString();
  const happen = async (...events: EventEnvelope[]) => {
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
  };

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  it('records who wrote each message, who read it, and raised hands, under the candidate concerned', async () => {
    const question = randomUUID();
    const reply = randomUUID();
    const subset = randomUUID();
    await happen(
      envelope(Events.messageSent, {
        ...scope,
        messageId: question,
        kind: 'private',
        senderId: CARLA.id,
        senderRole: 'candidate',
        senderName: CARLA.displayName,
        body: 'May I have paper?',
        sentAt: now(),
        toUserId: CARLA.id,
      }),
      envelope(Events.messageReceipt, {
        ...scope,
        messageId: question,
        userId: PROCTOR.id,
        receipt: 'read',
        at: now(),
        readerSide: 'staff',
        toUserId: CARLA.id,
      }),
      envelope(Events.messageSent, {
        ...scope,
        messageId: reply,
        kind: 'private',
        senderId: PROCTOR.id,
        senderRole: 'staff',
        senderName: PROCTOR.displayName,
        body: 'Yes, raise your hand.',
        sentAt: now(),
        toUserId: CARLA.id,
      }),
      envelope(Events.messageReceipt, {
        ...scope,
        messageId: reply,
        userId: CARLA.id,
        receipt: 'read',
        at: now(),
        readerSide: 'candidate',
        toUserId: CARLA.id,
      }),
      envelope(Events.handRaised, { ...scope, userId: CARLA.id, raised: true, at: now() }),
      envelope(Events.handRaised, { ...scope, userId: CARLA.id, raised: false, at: now(), actorId: PROCTOR.id }),
      envelope(Events.messageSent, {
        ...scope,
        messageId: subset,
        kind: 'broadcast',
        senderId: PROCTOR.id,
        senderRole: 'staff',
        senderName: PROCTOR.displayName,
        body: 'Back row: five minutes',
        sentAt: now(),
        recipientUserIds: [CARLA.id],
      }),
    );
    const reply_ = await nats.request<RecordPage>(Requests.listRecord, scope);
    const entries = reply_.response?.entries ?? [];
    expect(entries.map((e) => [e.kind, e.userId, e.actor.type, e.actor.userId])).toEqual([
      [RecordKind.PrivateMessageSent, CARLA.id, 'candidate', CARLA.id],
      [RecordKind.MessageReceipt, CARLA.id, 'staff', PROCTOR.id],
      [RecordKind.PrivateMessageSent, CARLA.id, 'staff', PROCTOR.id],
      [RecordKind.MessageReceipt, CARLA.id, 'candidate', CARLA.id],
      [RecordKind.HandRaised, CARLA.id, 'candidate', CARLA.id],
      [RecordKind.HandRaised, CARLA.id, 'staff', PROCTOR.id],
      [RecordKind.MessageSent, null, 'staff', PROCTOR.id],
    ]);
    expect(entries[0]?.detail).toMatchObject({ body: 'May I have paper?', messageId: question });
    expect(entries[6]?.detail['recipientUserIds']).toEqual([CARLA.id]);
  });
});
