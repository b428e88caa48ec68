import type {
  EventEnvelope,
  RecordEntryView,
  RecordExportFile,
  RecordPage,
  RecordVerification,
} from '@invigil/contracts';
import { Events, ParticipantStatus, RecordKind, Requests, RpcErrorCode } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { envelope, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { CARLA, ORG_ID } from './support/timeline';

const PROCTOR = DEMO_USERS[1];
const DAN = DEMO_USERS[3];

describe('monitoring: the session record (real PostgreSQL, NATS)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const sessionId = randomUUID();
  const scope = { orgId: ORG_ID, sessionId };
  const carla = { ...scope, userId: CARLA.id, attemptId: randomUUID() };
  const dan = { ...scope, userId: DAN.id, attemptId: randomUUID() };
  const ask = async <T>(subject: string, data: object): Promise<T> => {
    const reply = await nats.request<T>(subject, data);
    if (!reply.response) throw new Error(`${subject} failed: ${JSON.stringify(reply.err)}`);
    return reply.response;
  };
  const page = (query: object = {}) => ask<RecordPage>(Requests.listRecord, { ...scope, ...query });
  const verify = () => ask<RecordVerification>(Requests.verifyRecord, scope);
  const happen = async (...events: EventEnvelope[]) => {
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
  };
  const entry = (entries: RecordEntryView[], kind: RecordKind, userId: string | null = null) => {
    const found = entries.find((item) => item.kind === kind && item.userId === userId);
    if (!found) throw new Error(`no ${kind} entry for ${userId ?? 'the session'}`);
    return found;
  };
  const extended = envelope(Events.attemptExtended, {
    ...carla,
    remainingSeconds: 1500,
    minutes: 5,
    actorId: PROCTOR.id,
    reason: 'Fire alarm in the hall',
  });

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
    await happen(
      envelope(Events.sessionCreated, { ...scope, name: 'Record morning', enrollmentCode: 'REC001', questionCount: 3 }),
      envelope(Events.participantJoined, {
        ...carla,
        participantId: randomUUID(),
        displayName: CARLA.displayName,
        status: ParticipantStatus.Waiting,
      }),
      envelope(Events.participantJoined, {
        ...dan,
        participantId: randomUUID(),
        displayName: DAN.displayName,
        status: ParticipantStatus.Waiting,
      }),
      envelope(Events.sessionStarted, {
        ...scope,
        name: 'Record morning',
        startedAt: new Date().toISOString(),
        actorId: PROCTOR.id,
      }),
      envelope(Events.sessionPaused, { ...scope, pausedAt: new Date().toISOString(), actorId: PROCTOR.id }),
      envelope(Events.attemptPaused, { ...carla, remainingSeconds: 1200, pausedBy: 'session' }),
      envelope(Events.sessionResumed, { ...scope, resumedAt: new Date().toISOString(), actorId: PROCTOR.id }),
      extended,
      envelope(Events.messageSent, {
        ...scope,
        messageId: randomUUID(),
        kind: 'broadcast',
        senderName: 'Paula Proctor',
        body: 'Ten minutes left',
        sentAt: new Date().toISOString(),
      }),
      envelope(Events.attemptSubmitted, {
        ...dan,
        assessmentVersionId: randomUUID(),
        submittedAt: new Date().toISOString(),
        answers: [],
      }),
      envelope(Events.sessionEnded, { ...scope, endedAt: new Date().toISOString(), actorId: PROCTOR.id }),
      envelope(Events.attemptSubmitted, {
        ...carla,
        assessmentVersionId: randomUUID(),
        submittedAt: new Date().toISOString(),
        answers: [],
        automatic: true,
      }),
    );
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  it('records each event once, in order, with the actor of every staff action', async () => {
    // A redelivery of an event already recorded (past JetStream's duplicate window): the consumer drops it.
    await publishEnvelope(nats, extended, { dedupe: false });
    await waitUntilConsumed(nats, 'monitoring');
    const { entries, total, nextCursor } = await page();
    expect(entries.map((item) => item.kind)).toEqual([
      RecordKind.SessionCreated,
      RecordKind.ParticipantJoined,
      RecordKind.ParticipantJoined,
      RecordKind.SessionStarted,
      RecordKind.SessionPaused,
      RecordKind.SessionResumed,
      RecordKind.AttemptExtended,
      RecordKind.MessageSent,
      RecordKind.AttemptSubmitted,
      RecordKind.SessionEnded,
      RecordKind.AttemptSubmitted,
    ]);
    expect(entries.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect({ total, nextCursor }).toEqual({ total: 11, nextCursor: null });
    const staffAction = { type: 'staff', userId: PROCTOR.id, role: null };
    expect(entry(entries, RecordKind.SessionPaused).actor).toEqual(staffAction);
    expect(entry(entries, RecordKind.AttemptExtended, CARLA.id)).toMatchObject({
      actor: staffAction,
      detail: {
        minutes: 5,
        before: { remainingSeconds: 1200 },
        after: { remainingSeconds: 1500 },
        reason: 'Fire alarm in the hall',
      },
    });
    const submissions = entries.filter((item) => item.kind === RecordKind.AttemptSubmitted);
    expect(submissions.map((item) => [item.userId, item.detail['endedBy'], item.actor.type])).toEqual([
      [DAN.id, 'candidate', 'candidate'],
      [CARLA.id, 'session_end', 'system'],
    ]);
    expect(entries.every((item, index) => index === 0 || item.prevHash === entries[index - 1]?.hash)).toBe(true);
  });

  it('pages through the record with a cursor and filters by kind, candidate and time', async () => {
    const first = await page({ limit: 4 });
    expect(first.entries.map((item) => item.seq)).toEqual([1, 2, 3, 4]);
    expect(first.nextCursor).toBe(4);
    const second = await page({ limit: 4, afterSeq: first.nextCursor });
    expect(second.entries.map((item) => item.seq)).toEqual([5, 6, 7, 8]);
    const last = await page({ limit: 4, afterSeq: second.nextCursor });
    expect(last.entries.map((item) => item.seq)).toEqual([9, 10, 11]);
    expect(last.nextCursor).toBeNull();

    const joins = await page({ kind: [RecordKind.ParticipantJoined, RecordKind.SessionEnded] });
    expect(joins.entries.map((item) => item.seq)).toEqual([2, 3, 10]);
    const dans = await page({ userId: DAN.id });
    expect(dans.entries.map((item) => item.kind)).toEqual([RecordKind.ParticipantJoined, RecordKind.AttemptSubmitted]);
    expect((await page({ to: '2020-01-01T00:00:00.000Z' })).total).toBe(0);
    expect((await page({ from: '2020-01-01T00:00:00.000Z' })).total).toBe(11);
  });

  it('gives a candidate only the entries about them and the session-wide ones', async () => {
    const { entries } = await page({ candidateId: DAN.id });
    expect(entries.every((item) => item.userId === DAN.id || item.userId === null)).toBe(true);
    expect(entries.some((item) => item.userId === CARLA.id)).toBe(false);
    expect(entries.map((item) => item.kind)).toContain(RecordKind.MessageSent);
    expect(entries.filter((item) => item.userId === DAN.id)).toHaveLength(2);
  });

  it('refuses a bad filter with the field named, and shows another organization nothing', async () => {
    const reply = await nats.request(Requests.listRecord, { ...scope, kind: ['lunch'] });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(reply.err?.message).toMatch(/kind must be one of/);
    const foreign = await ask<RecordPage>(Requests.listRecord, { orgId: randomUUID(), sessionId });
    expect(foreign.total).toBe(0);
  });

  it('exports every entry as JSON and as CSV, in parts that make up one file', async () => {
    const exportAll = async (format: 'json' | 'csv', limit?: number) => {
      let content = '';
      let afterSeq: number | undefined;
      let parts = 0;
      for (;;) {
        const part = await ask<RecordExportFile>(Requests.exportRecord, { ...scope, format, limit, afterSeq });
        content += part.content;
        parts += 1;
        if (part.nextCursor === null) return { content, parts, contentType: part.contentType };
        afterSeq = part.nextCursor;
      }
    };
    const whole = await exportAll('json');
    expect(whole.parts).toBe(1);
    const document = JSON.parse(whole.content) as { entries: RecordEntryView[]; verification: RecordVerification };
    expect(document.entries.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(document.verification.intact).toBe(true);
    const inParts = await exportAll('json', 4);
    expect(inParts.parts).toBe(3);
    expect((JSON.parse(inParts.content) as { entries: RecordEntryView[] }).entries).toEqual(document.entries);

    const csv = await exportAll('csv', 5);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const lines = csv.content.trim().split('\r\n');
    expect(lines).toHaveLength(12);
    expect(lines.filter((line) => line.startsWith('"seq"'))).toHaveLength(1);
    expect(lines[7]).toContain('"attempt_extended"');
  });

  it('verifies the chain as intact, then names the entry altered in PostgreSQL', async () => {
    expect(await verify()).toEqual({ sessionId, intact: true, entryCount: 11, brokenAt: null });
    const { entries } = await page();
    const orm = service.app.get<MikroORM, MikroORM>(MikroORM);
    await orm.em
      .fork()
      .execute(
        `update record_entry set detail = '{"minutes": 60, "after": {"remainingSeconds": 4800}}' where session_id = ? and seq = 7`,
        [sessionId],
      );
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.brokenAt).toMatchObject({ seq: 7, storedHash: entries[6]?.hash });
    expect(result.brokenAt?.expectedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.brokenAt?.expectedHash).not.toBe(result.brokenAt?.storedHash);
  });
  it('records who released the results, and the system when the policy released them', async () => {
    const released = { orgId: ORG_ID, sessionId: randomUUID() };
    const at = new Date().toISOString();
    await happen(envelope(Events.resultsReleased, { ...released, actorId: PROCTOR.id, at, results: 2, passed: 1 }));
    const { entries } = await ask<RecordPage>(Requests.listRecord, released);
    expect(entries).toEqual([
      expect.objectContaining({
        kind: RecordKind.ResultsReleased,
        userId: null,
        actor: expect.objectContaining({ type: 'staff', userId: PROCTOR.id }),
        detail: { releasedAt: at, results: 2, passed: 1 },
      }),
    ]);
    const byPolicy = { orgId: ORG_ID, sessionId: randomUUID() };
    await happen(envelope(Events.resultsReleased, { ...byPolicy, actorId: null, at, results: 1, passed: 1 }));
    const [entryByPolicy] = (await ask<RecordPage>(Requests.listRecord, byPolicy)).entries;
    expect(entryByPolicy?.actor.type).toBe('system');
  });
});
