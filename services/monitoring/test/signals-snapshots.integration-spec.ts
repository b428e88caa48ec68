import type { LiveSessionView, SignalView, SnapshotFile, SnapshotView } from '@invigil/contracts';
import {
  Events,
  maxSnapshotDataUrlLength,
  ParticipantStatus,
  Requests,
  RpcErrorCode,
  SignalKind,
} from '@invigil/contracts';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { Signal } from '../src/signals/signal.entity';
import { Snapshot } from '../src/snapshots/snapshot.entity';
import { CARLA, ORG_ID } from './support/timeline';

const jpeg = (marker: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, marker & 0xff, (marker >> 8) & 0xff]);
const dataUrl = (bytes: Buffer, type = 'image/jpeg') => `data:${type};base64,${bytes.toString('base64')}`;

describe('monitoring: signals, alerts and snapshots (real PostgreSQL, NATS)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const sessionId = randomUUID();
  const participantId = randomUUID();
  const carla = { orgId: ORG_ID, sessionId, userId: CARLA.id };
  const attempt = { ...carla, attemptId: randomUUID() };
  const count = (entity: typeof Signal | typeof Snapshot, where: object) =>
    service.app.get(MikroORM).em.fork().count(entity, where);
  const live = async () =>
    (await nats.request<LiveSessionView>(Requests.getLiveSession, { orgId: ORG_ID, sessionId })).response;
  const happen = async (...events: Parameters<typeof publishEnvelope>[1][]) => {
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
  };

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
    await happen(
      envelope(Events.sessionCreated, {
        orgId: ORG_ID,
        sessionId,
        name: 'Lockdown morning',
        enrollmentCode: 'LOCK01',
        questionCount: 4,
      }),
      envelope(Events.participantJoined, {
        ...carla,
        participantId,
        displayName: CARLA.displayName,
        status: ParticipantStatus.InSession,
      }),
    );
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  it('stores a tab switch, raises its alert to proctors, counts it and writes it in the feed', async () => {
    const occurredAt = new Date(Date.now() - 2_000).toISOString();
    const reply = await nats.request<SignalView>(Requests.recordSignal, {
      ...carla,
      kind: SignalKind.TabHidden,
      occurredAt,
      detail: 'hidden for 4 s',
    });
    expect(reply.response).toMatchObject({
      sessionId,
      userId: CARLA.id,
      kind: SignalKind.TabHidden,
      occurredAt,
      detail: 'hidden for 4 s',
      receivedAt: expect.any(String),
    });
    const alert = await eventually(() =>
      stream.of(Events.alertRaised).find((event) => event.data.alertId === reply.response?.id),
    );
    expect(alert.data).toEqual({
      orgId: ORG_ID,
      sessionId,
      alertId: reply.response?.id,
      userId: CARLA.id,
      kind: SignalKind.TabHidden,
      occurredAt,
      detail: 'hidden for 4 s',
    });

    await nats.request(Requests.recordSignal, {
      ...carla,
      kind: SignalKind.PasteAttempted,
      occurredAt: new Date().toISOString(),
    });
    const listed = await nats.request<SignalView[]>(Requests.listSignals, { orgId: ORG_ID, sessionId });
    expect(listed.response?.map((signal) => signal.kind)).toEqual([SignalKind.PasteAttempted, SignalKind.TabHidden]);
    const view = await live();
    expect(view?.participants[0]).toMatchObject({ participantId, alertCount: 2 });
    expect(view?.activity.slice(0, 2).map((entry) => entry.text)).toEqual([
      'Alert: Carla Candidate tried to paste',
      'Alert: Carla Candidate switched to another tab',
    ]);
    const announced = await eventually(() =>
      stream
        .of(Events.liveParticipantUpdated)
        .find((event) => event.data.participantId === participantId && event.data.alertCount === 2),
    );
    expect(announced.data.status).toBe(ParticipantStatus.InSession);
  });

  it('refuses a user who is not a participant, and a signal kind it does not know; nothing is stored and it keeps serving', async () => {
    const before = await count(Signal, { sessionId });
    const forged = await nats.request(Requests.recordSignal, {
      ...carla,
      userId: randomUUID(),
      kind: SignalKind.CopyAttempted,
      occurredAt: new Date().toISOString(),
    });
    expect(forged.err?.code).toBe(RpcErrorCode.Forbidden);
    expect(forged.err?.message).toMatch(
      /is not a participant of session .+; only its participants report from its exam page\.$/,
    );
    const otherSession = await nats.request(Requests.recordSignal, {
      ...carla,
      sessionId: randomUUID(),
      kind: SignalKind.CopyAttempted,
      occurredAt: new Date().toISOString(),
    });
    expect(otherSession.err?.code).toBe(RpcErrorCode.Forbidden);
    const unknownKind = await nats.request(Requests.recordSignal, {
      ...carla,
      kind: 'telepathy',
      occurredAt: new Date().toISOString(),
    });
    expect(unknownKind.err?.code).toBe(RpcErrorCode.ValidationFailed);
    const forgedSnapshot = await nats.request(Requests.storeSnapshot, {
      ...carla,
      userId: randomUUID(),
      image: dataUrl(jpeg(1)),
      capturedAt: new Date().toISOString(),
    });
    expect(forgedSnapshot.err?.code).toBe(RpcErrorCode.Forbidden);
    expect(await count(Signal, { sessionId })).toBe(before);
    expect(await count(Snapshot, { sessionId })).toBe(0);
    const still = await nats.request<SignalView>(Requests.recordSignal, {
      ...carla,
      kind: SignalKind.ContextMenu,
      occurredAt: new Date().toISOString(),
    });
    expect(still.response?.kind).toBe(SignalKind.ContextMenu);
  });

  it('stores snapshots, lists their metadata newest first, serves the image, and refuses oversized and false images', async () => {
    const stored = await nats.request<SnapshotView>(Requests.storeSnapshot, {
      ...carla,
      image: dataUrl(jpeg(7)),
      capturedAt: new Date().toISOString(),
    });
    expect(stored.response).toMatchObject({ sessionId, userId: CARLA.id, bytes: 8 });
    await eventually(() =>
      stream.of(Events.snapshotStored).some((event) => event.data.snapshotId === stored.response?.id),
    );
    const file = await nats.request<SnapshotFile>(Requests.getSnapshot, {
      orgId: ORG_ID,
      sessionId,
      snapshotId: stored.response?.id,
    });
    expect(file.response).toEqual({ contentType: 'image/jpeg', base64: jpeg(7).toString('base64') });
    const elsewhere = await nats.request(Requests.getSnapshot, {
      orgId: ORG_ID,
      sessionId: randomUUID(),
      snapshotId: stored.response?.id,
    });
    expect(elsewhere.err?.code).toBe(RpcErrorCode.NotFound);
    const otherOrg = await nats.request(Requests.getSnapshot, { orgId: randomUUID(), snapshotId: stored.response?.id });
    expect(otherOrg.err?.code).toBe(RpcErrorCode.NotFound);

    const oversized = await nats.request(Requests.storeSnapshot, {
      ...carla,
      image: 'data:image/jpeg;base64,/9j/' + 'A'.repeat(maxSnapshotDataUrlLength),
      capturedAt: new Date().toISOString(),
    });
    expect(oversized.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(oversized.err?.details?.join(' ')).toContain(String(maxSnapshotDataUrlLength));
    const notJpeg = await nats.request(Requests.storeSnapshot, {
      ...carla,
      image: dataUrl(Buffer.from('<svg onload=alert(1)>')),
      capturedAt: new Date().toISOString(),
    });
    expect(notJpeg.err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      details: ['image says it is a JPEG image but its data is not one; send the picture the camera produced'],
    });
    const notDataUrl = await nats.request(Requests.storeSnapshot, {
      ...carla,
      image: 'https://example.test/x.jpg',
      capturedAt: new Date().toISOString(),
    });
    expect(notDataUrl.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(await count(Snapshot, { sessionId })).toBe(1);
  });

  it('keeps only the latest 100 snapshots of a participant', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 103; i++) {
      const reply = await nats.request<SnapshotView>(Requests.storeSnapshot, {
        ...carla,
        image: dataUrl(jpeg(100 + i)),
        capturedAt: new Date().toISOString(),
      });
      ids.push(reply.response?.id ?? 'refused');
    }
    const listed = await nats.request<SnapshotView[]>(Requests.listSnapshots, {
      orgId: ORG_ID,
      sessionId,
      userId: CARLA.id,
    });
    expect(listed.response?.map((snapshot) => snapshot.id)).toEqual(ids.slice(-100).reverse());
    expect(await count(Snapshot, { sessionId })).toBe(100);
  });

  it('records a takeover of the exam view as a signal with its alert, once, and writes connections and pauses in the feed', async () => {
    const before = [
      envelope(Events.attemptDisconnected, { ...attempt, since: new Date().toISOString() }),
      envelope(Events.attemptReconnected, { ...attempt, disconnectedSeconds: 65, totalDisconnectedSeconds: 65 }),
      envelope(Events.attemptPaused, { ...attempt, remainingSeconds: 900, pausedBy: 'proctor' }),
      envelope(Events.attemptResumed, { ...attempt, remainingSeconds: 900 }),
      envelope(Events.sessionPaused, { orgId: ORG_ID, sessionId, pausedAt: new Date().toISOString() }),
      envelope(Events.attemptPaused, { ...attempt, remainingSeconds: 880, pausedBy: 'session' }),
      envelope(Events.sessionResumed, { orgId: ORG_ID, sessionId, resumedAt: new Date().toISOString() }),
      envelope(Events.attemptResumed, { ...attempt, remainingSeconds: 880 }),
      envelope(Events.attemptExtended, { ...attempt, remainingSeconds: 1180, minutes: 5 }),
    ];
    // Made last, so its time is the newest even when the clock ticks between envelopes: the feed is newest first.
    const later = new Date(Date.now() + 5).toISOString();
    const takeover = {
      ...envelope(Events.attemptViewTakenOver, { ...attempt, viewId: 'tab-2', previousViewId: 'tab-1', at: later }),
      occurredAt: later,
    };
    await happen(...before, takeover);
    await publishEnvelope(nats, takeover, { dedupe: false });
    await waitUntilConsumed(nats, 'monitoring');

    const signals =
      (await nats.request<SignalView[]>(Requests.listSignals, { orgId: ORG_ID, sessionId })).response ?? [];
    expect(signals.filter((signal) => signal.kind === SignalKind.ViewTakenOver)).toHaveLength(1);
    await eventually(() =>
      stream
        .of(Events.alertRaised)
        .some((event) => event.data.kind === SignalKind.ViewTakenOver && event.data.userId === CARLA.id),
    );
    const view = await live();
    expect(view?.participants[0]?.alertCount).toBe(4);
    expect(view?.activity.slice(0, 9).map((entry) => entry.text)).toEqual([
      'Alert: Carla Candidate opened the exam in another tab or on another device',
      'Carla Candidate was given 5 more minutes',
      'Session resumed',
      'Session paused',
      'Carla Candidate resumed',
      'Carla Candidate was paused by the proctor',
      'Carla Candidate reconnected after 1 min 5 s',
      'Carla Candidate disconnected',
      'Alert: Carla Candidate opened the context menu',
    ]);
  });
});
