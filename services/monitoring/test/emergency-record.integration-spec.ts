import type { RecordEntryView, RecordPage } from '@invigil/contracts';
import { Events, RecordKind, Requests } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { envelope, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { ORG_ID } from './support/timeline';

const PROCTOR = DEMO_USERS[1];

/** The session record names the actor and the reason of each emergency procedure (real PostgreSQL, NATS). */
describe('monitoring: emergency procedures in the session record', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const sessionId = randomUUID();
  const scope = { orgId: ORG_ID, sessionId };

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  const entryOf = (entries: RecordEntryView[], kind: RecordKind) => {
    const found = entries.find((item) => item.kind === kind);
    if (!found) throw new Error(`no ${kind} entry`);
    return found;
  };

  it('records pause reason and message, the live reschedule with before/after, and End Session with its grace', async () => {
    const events = [
      envelope(Events.sessionPaused, {
        ...scope,
        pausedAt: '2026-12-03T10:00:00.000Z',
        reason: 'Fire alarm',
        message: 'Leave calmly.',
        actorId: PROCTOR.id,
      }),
      envelope(Events.sessionRescheduled, {
        ...scope,
        name: 'Hall B',
        previousScheduledAt: null,
        previousStartedAt: '2026-12-03T09:00:00.000Z',
        scheduledAt: '2026-12-03T13:00:00.000Z',
        timeZone: 'Europe/Berlin',
        whileRunning: true,
        reason: 'Power cut',
        message: 'We continue at one.',
        actorId: PROCTOR.id,
      }),
      envelope(Events.sessionEnding, {
        ...scope,
        endingAt: '2026-12-03T14:00:00.000Z',
        graceEndsAt: '2026-12-03T14:01:00.000Z',
        stillWriting: 3,
        actorId: PROCTOR.id,
      }),
    ];
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
    const reply = await nats.request<RecordPage>(Requests.listRecord, scope);
    const entries = reply.response?.entries ?? [];
    const staff = { type: 'staff', userId: PROCTOR.id };

    expect(entryOf(entries, RecordKind.SessionPaused)).toMatchObject({
      actor: staff,
      detail: { reason: 'Fire alarm', message: 'Leave calmly.' },
    });
    expect(entryOf(entries, RecordKind.SessionRescheduled)).toMatchObject({
      actor: staff,
      detail: {
        before: '2026-12-03T09:00:00.000Z',
        after: '2026-12-03T13:00:00.000Z',
        whileRunning: true,
        reason: 'Power cut',
        message: 'We continue at one.',
      },
    });
    expect(entryOf(entries, RecordKind.SessionEnding)).toMatchObject({
      actor: staff,
      detail: { graceEndsAt: '2026-12-03T14:01:00.000Z', stillWriting: 3 },
    });
  });
});
