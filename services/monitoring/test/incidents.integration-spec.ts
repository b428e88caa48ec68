import type { IncidentView, RecordPage, RecordVerification, SignalView, SnapshotView } from '@invigil/contracts';
import {
  Events,
  IncidentCategory,
  IncidentSeverity,
  ParticipantStatus,
  RecordKind,
  Requests,
  Role,
  RpcErrorCode,
  SignalKind,
} from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { Peer, RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import { answerAsPeer, envelope, publishEnvelope, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { MonitoringEnv } from '../src/config/env';
import { Incident } from '../src/incidents/incident.entity';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { CARLA, ORG_ID } from './support/timeline';

const PROCTOR = DEMO_USERS[1];
const DAN = DEMO_USERS[3];
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x01, 0x02]).toString('base64');

/** Incidents on the real monitoring service; messaging is a peer on the real NATS that knows two messages. */
describe('monitoring: incidents (real PostgreSQL, NATS)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  let messaging: Peer<typeof Requests.messagesBelongToSession>;
  const sessionId = randomUUID();
  const otherSessionId = randomUUID();
  const scope = { orgId: ORG_ID, sessionId };
  const carla = { ...scope, userId: CARLA.id, attemptId: randomUUID() };
  const dan = { ...scope, userId: DAN.id, attemptId: randomUUID() };
  const messageOfSession = randomUUID();
  const messageOfOtherSession = randomUUID();
  let carlaAlert: SignalView;
  let otherSessionAlert: SignalView;
  let carlaSnapshot: SnapshotView;
  const filer = { ...scope, actorId: PROCTOR.id, actorRole: 'proctor' };
  const incident = (fields: object) => ({
    ...filer,
    category: IncidentCategory.Examinee,
    subCategory: 'talking',
    severity: IncidentSeverity.Medium,
    description: 'Carla spoke to someone off screen',
    ...fields,
  });
  const ask = async <T>(subject: string, data: object): Promise<T> => {
    const reply = await nats.request<T>(subject, data);
    if (!reply.response) throw new Error(`${subject} failed: ${JSON.stringify(reply.err)}`);
    return reply.response;
  };
  const incidentsStored = () => service.app.get(MikroORM).em.fork().count(Incident, { sessionId });
  const joined = (who: { orgId: string; sessionId: string; userId: string }, name: string) =>
    envelope(Events.participantJoined, {
      ...who,
      participantId: randomUUID(),
      displayName: name,
      status: ParticipantStatus.Waiting,
    });

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
    messaging = answerAsPeer(nats, Requests.messagesBelongToSession, (request) => ({
      foreign: request.messageIds.filter((id) => !(request.sessionId === sessionId && id === messageOfSession)),
    }));
    const events = [
      envelope(Events.sessionCreated, { ...scope, name: 'Incident hall', enrollmentCode: 'INC001', questionCount: 4 }),
      joined(carla, CARLA.displayName),
      joined(dan, DAN.displayName),
      joined({ orgId: ORG_ID, sessionId: otherSessionId, userId: CARLA.id }, CARLA.displayName),
      envelope(Events.participantStatusChanged, {
        ...carla,
        participantId: randomUUID(),
        from: ParticipantStatus.Waiting,
        to: ParticipantStatus.InSession,
      }),
      envelope(Events.attemptProgressed, { ...carla, answeredCount: 3, totalQuestions: 4 }),
    ];
    for (const event of events) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
    const signal = { kind: SignalKind.TabHidden, occurredAt: new Date().toISOString() };
    carlaAlert = await ask<SignalView>(Requests.recordSignal, { ...scope, userId: CARLA.id, ...signal });
    otherSessionAlert = await ask<SignalView>(Requests.recordSignal, {
      orgId: ORG_ID,
      sessionId: otherSessionId,
      userId: CARLA.id,
      ...signal,
    });
    carlaSnapshot = await ask<SnapshotView>(Requests.storeSnapshot, {
      ...scope,
      userId: CARLA.id,
      image: `data:image/jpeg;base64,${jpeg}`,
      capturedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(nats, 'monitoring');
  });

  afterAll(async () => {
    messaging?.stop();
    await stopMonitoring({ service, nats, stream });
  });

  it('files an incident on a candidate with its evidence, lists it and puts it in the record with the actor', async () => {
    const filed = await ask<IncidentView>(
      Requests.fileIncident,
      incident({
        userId: CARLA.id,
        actionTaken: 'Warned her over chat',
        alertIds: [carlaAlert.id],
        snapshotIds: [carlaSnapshot.id],
        messageIds: [messageOfSession],
      }),
    );
    expect(filed).toMatchObject({
      sessionId,
      userId: CARLA.id,
      category: 'examinee',
      subCategory: 'talking',
      severity: 'medium',
      actionTaken: 'Warned her over chat',
      evidence: { alertIds: [carlaAlert.id], snapshotIds: [carlaSnapshot.id], messageIds: [messageOfSession] },
      affectedUsers: null,
      actor: { type: 'staff', userId: PROCTOR.id, role: 'proctor' },
    });
    expect(messaging.received.at(-1)).toMatchObject({ ...scope, messageIds: [messageOfSession] });

    const listed = await ask<IncidentView[]>(Requests.listIncidents, scope);
    expect(listed.map((item) => item.id)).toEqual([filed.id]);
    const record = await ask<RecordPage>(Requests.listRecord, { ...scope, kind: [RecordKind.IncidentFiled] });
    expect(record.entries).toHaveLength(1);
    expect(record.entries[0]).toMatchObject({
      seq: filed.recordSeq,
      userId: CARLA.id,
      actor: { type: 'staff', userId: PROCTOR.id, role: 'proctor' },
      detail: {
        incidentId: filed.id,
        category: 'examinee',
        subCategory: 'talking',
        description: 'Carla spoke to someone off screen',
        evidence: { alertIds: [carlaAlert.id], messageIds: [messageOfSession] },
      },
    });
    const verified = await ask<RecordVerification>(Requests.verifyRecord, scope);
    expect(verified.intact).toBe(true);
  });

  it('documents who was in which state with how much progress on a session-level incident', async () => {
    const filed = await ask<IncidentView>(
      Requests.fileIncident,
      incident({
        category: IncidentCategory.Technical,
        subCategory: 'platform_error',
        severity: IncidentSeverity.High,
        description: 'The exam page froze for everyone',
        documentAffectedUsers: true,
      }),
    );
    expect(filed.userId).toBeNull();
    expect(filed.affectedUsers).toEqual([
      {
        userId: CARLA.id,
        displayName: CARLA.displayName,
        status: ParticipantStatus.InSession,
        answeredCount: 3,
        totalQuestions: 4,
      },
      {
        userId: DAN.id,
        displayName: DAN.displayName,
        status: ParticipantStatus.Waiting,
        answeredCount: 0,
        totalQuestions: 4,
      },
    ]);
    const record = await ask<RecordPage>(Requests.listRecord, { ...scope, kind: [RecordKind.IncidentFiled] });
    const entry = record.entries.find((item) => item.seq === filed.recordSeq);
    expect(entry?.userId).toBeNull();
    expect(entry?.detail['affectedUsers']).toEqual(filed.affectedUsers);
    // Others' progress is staff's to read: a candidate's part leaves the session's incidents out.
    const dansPart = await ask<RecordPage>(Requests.listRecord, { ...scope, candidateId: DAN.id });
    expect(dansPart.entries.some((item) => item.kind === RecordKind.IncidentFiled)).toBe(false);
    const carlasPart = await ask<RecordPage>(Requests.listRecord, { ...scope, candidateId: CARLA.id });
    expect(carlasPart.entries.filter((item) => item.kind === RecordKind.IncidentFiled)).toHaveLength(1);
  });

  it('refuses unknown categories, foreign evidence and strangers with a clear 4xx, storing nothing', async () => {
    const before = await incidentsStored();
    const refusal = async (fields: object) => {
      const reply = await nats.request(Requests.fileIncident, incident(fields));
      expect(reply.response).toBeUndefined();
      return reply.err;
    };
    expect(await refusal({ category: 'weather' })).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: expect.stringMatching(/category must be one of/),
    });
    expect(await refusal({ category: IncidentCategory.Technical, subCategory: 'talking' })).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: expect.stringMatching(/Unknown sub-category "talking" for Technical/),
    });
    expect(await refusal({ severity: 'catastrophic' })).toMatchObject({ code: RpcErrorCode.ValidationFailed });
    const alien = await refusal({ userId: CARLA.id, alertIds: [otherSessionAlert.id] });
    expect(alien).toMatchObject({ code: RpcErrorCode.ValidationFailed, message: /not from this session/ });
    expect(alien?.details).toEqual([`alertIds: ${otherSessionAlert.id} are not alerts of this session`]);
    const alienSnapshot = await refusal({ snapshotIds: [randomUUID()] });
    expect(alienSnapshot?.details?.[0]).toMatch(/^snapshotIds: .* are not snapshots of this session$/);
    const alienMessage = await refusal({ messageIds: [messageOfOtherSession] });
    expect(alienMessage?.details).toEqual([`messageIds: ${messageOfOtherSession} are not messages of this session`]);
    expect(await refusal({ userId: randomUUID() })).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: /not in this session/,
    });
    expect(await refusal({ userId: CARLA.id, documentAffectedUsers: true })).toMatchObject({
      message: /session-level option/,
    });
    // Another organization's request sees none of this session's evidence.
    expect(await refusal({ orgId: randomUUID(), alertIds: [carlaAlert.id] })).toMatchObject({
      message: /not from this session/,
    });
    expect(await incidentsStored()).toBe(before);
    expect(await ask<IncidentView[]>(Requests.listIncidents, { orgId: randomUUID(), sessionId })).toEqual([]);
    expect((await ask<IncidentView[]>(Requests.listIncidents, scope)).length).toBe(before);
  });

  it("names the staff member and role of roster changes, and a time limit's before and after", async () => {
    const participantId = randomUUID();
    await publishEnvelope(
      nats,
      envelope(Events.participantTimeLimitChanged, {
        ...scope,
        participantId,
        userId: DAN.id,
        timeLimitMinutes: 45,
        timeLimitMultiplier: null,
        previousTimeLimitMinutes: null,
        previousTimeLimitMultiplier: 1.5,
        actorId: PROCTOR.id,
        actorRole: Role.Proctor,
      }),
    );
    await publishEnvelope(
      nats,
      envelope(Events.participantRemoved, {
        ...scope,
        participantId,
        userId: DAN.id,
        actorId: PROCTOR.id,
        actorRole: Role.Admin,
      }),
    );
    await waitUntilConsumed(nats, 'monitoring');
    const { entries } = await ask<RecordPage>(Requests.listRecord, {
      ...scope,
      kind: [RecordKind.TimeLimitChanged, RecordKind.ParticipantRemoved],
    });
    expect(entries.map((item) => [item.kind, item.actor])).toEqual([
      [RecordKind.TimeLimitChanged, { type: 'staff', userId: PROCTOR.id, role: 'proctor' }],
      [RecordKind.ParticipantRemoved, { type: 'staff', userId: PROCTOR.id, role: 'admin' }],
    ]);
    expect(entries[0]?.detail).toEqual({
      before: { minutes: null, multiplier: 1.5 },
      after: { minutes: 45, multiplier: null },
    });
  });
});
