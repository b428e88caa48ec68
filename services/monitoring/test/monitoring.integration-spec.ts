import type { EventPayload, EventSubject, LiveSessionView } from '@invigil/contracts';
import { Events, ParticipantStatus, Requests } from '@invigil/contracts';
import { OutboxMessage } from '@invigil/server-platform';
import type { RawNats, RunningTestService, StreamWatcher } from '@invigil/server-testing';
import {
  eventually,
  EXPECTED_GARBAGE_CODES,
  publishEnvelope,
  sendGarbageToEverySubject,
  uniqueTag,
  waitUntilConsumed,
} from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { MonitoringEnv } from '../src/config/env';
import { startMonitoring, stopMonitoring } from './support/monitoring-under-test';
import { carlaTakesASession, ORG_ID } from './support/timeline';

describe('monitoring service (real PostgreSQL, NATS, Redis)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<MonitoringEnv>;
  let nats: RawNats;
  let stream: StreamWatcher;
  const live = async (sessionId: string) =>
    (await nats.request<LiveSessionView>(Requests.getLiveSession, { orgId: ORG_ID, sessionId })).response;
  const updatesOf = (participantId: string) =>
    stream.of(Events.liveParticipantUpdated).filter((event) => event.data.participantId === participantId);
  const outboxRows = () =>
    service.app.get(MikroORM).em.fork().count(OutboxMessage, { subject: Events.liveParticipantUpdated });

  beforeAll(async () => {
    ({ service, nats, stream } = await startMonitoring(tag));
  });

  afterAll(async () => {
    await stopMonitoring({ service, nats, stream });
  });

  const inOrder = carlaTakesASession();

  it('follows a session as it happens and tells proctors about every change', async () => {
    // One at a time, as a session unfolds: each step is handled before the next one happens.
    for (const event of inOrder.events) {
      await publishEnvelope(nats, event);
      await waitUntilConsumed(nats, 'monitoring');
    }

    const view = await live(inOrder.sessionId);
    expect(view?.participants).toEqual([inOrder.finalRow]);
    expect(view?.activity.map((entry) => entry.text)).toEqual([
      'Carla Candidate scored 67%',
      'Carla Candidate submitted',
      'Carla Candidate answered 2/3',
      'Carla Candidate answered 1/3',
      'Carla Candidate is In Session',
      'Session started',
      'Carla Candidate joined',
      'Session "Safety Basics, morning" created',
    ]);
    expect(view?.activity[0]?.at).toBe(inOrder.finalRow.lastActivityAt);

    const updates = await eventually(
      () => updatesOf(inOrder.participantId).length === 6 && updatesOf(inOrder.participantId),
      10_000,
      'six participant updates',
    );
    expect(
      updates.map(({ data }) => [data.status, data.answeredCount, data.totalQuestions, data.scorePercent]),
    ).toEqual([
      [ParticipantStatus.Waiting, 0, 3, null],
      [ParticipantStatus.InSession, 0, 3, null],
      [ParticipantStatus.InSession, 1, 3, null],
      [ParticipantStatus.InSession, 2, 3, null],
      [ParticipantStatus.Complete, 2, 3, null],
      [ParticipantStatus.Complete, 2, 3, 66.7],
    ]);
    expect(updates.at(-1)?.data).toEqual({ orgId: ORG_ID, ...inOrder.finalRow });
  });

  it('changes nothing when the same events are delivered again', async () => {
    const before = await live(inOrder.sessionId);
    const announced = await outboxRows();
    for (const event of inOrder.events) await publishEnvelope(nats, event, { dedupe: false });
    await waitUntilConsumed(nats, 'monitoring');
    expect(await live(inOrder.sessionId)).toEqual(before);
    expect(await outboxRows()).toBe(announced);
  });

  it('ends in the same state when the events arrive in reverse order', async () => {
    const reversed = carlaTakesASession();
    for (const event of [...reversed.events].reverse()) await publishEnvelope(nats, event);
    await waitUntilConsumed(nats, 'monitoring');
    const view = await live(reversed.sessionId);
    expect(view?.participants).toEqual([reversed.finalRow]);
    // Every event is a line, except the two progress reports arriving after the submission: they are
    // older than what it said, so they change nothing and print nothing.
    expect(view?.activity).toHaveLength(reversed.events.length - 2);
    expect(view?.activity.at(-1)?.text).toBe('Session "Safety Basics, morning" created');
    // Whatever order they were handled in, the last announcement carries the complete row.
    await eventually(
      () =>
        updatesOf(reversed.participantId).some(({ data }) =>
          isDeepStrictEqual(data, { orgId: ORG_ID, ...reversed.finalRow }),
        ),
      10_000,
      'the final row announced',
    );
  });

  it("applies the save path's progress batches, keeping the feed to milestones while the counts follow every save", async () => {
    const sessionId = randomUUID();
    const scope = { orgId: ORG_ID, sessionId };
    const base = Date.UTC(2026, 10, 26, 10, 0, 0);
    const envelopeAt = <S extends EventSubject>(second: number, subject: S, data: EventPayload<S>) => ({
      eventId: randomUUID(),
      subject,
      occurredAt: new Date(base + second * 1000).toISOString(),
      correlationId: randomUUID(),
      data,
    });
    const [ada, bob] = [randomUUID(), randomUUID()];
    const created = { ...scope, name: 'Ten questions', enrollmentCode: 'TEN001', questionCount: 10 };
    await publishEnvelope(nats, envelopeAt(0, Events.sessionCreated, created));
    for (const [userId, displayName] of [
      [ada, 'Ada'],
      [bob, 'Bob'],
    ] as const)
      await publishEnvelope(
        nats,
        envelopeAt(1, Events.participantJoined, {
          ...scope,
          userId,
          participantId: randomUUID(),
          displayName,
          status: ParticipantStatus.InSession,
        }),
      );
    const entry = (userId: string, answeredCount: number) => ({
      attemptId: randomUUID(),
      userId,
      answeredCount,
      totalQuestions: 10,
      flaggedCount: 0,
    });
    // One batch per second, as the sessions service coalesces them: Ada answers all ten, Bob four.
    for (let second = 1; second <= 10; second++) {
      const progress = [entry(ada, second), ...(second <= 4 ? [entry(bob, second)] : [])];
      await publishEnvelope(nats, envelopeAt(1 + second, Events.attemptsProgressed, { ...scope, progress }));
    }
    await waitUntilConsumed(nats, 'monitoring');
    const view = await live(sessionId);
    expect(view?.participants.map((row) => [row.displayName, row.answeredCount, row.totalQuestions])).toEqual([
      ['Ada', 10, 10],
      ['Bob', 4, 10],
    ]);
    expect(view?.activity.map((line) => line.text).filter((text) => text.includes('answered'))).toEqual([
      'Ada answered 10/10',
      'Ada answered 5/10',
      // Both first answers came in one batch, so at the same moment.
      'Bob answered 1/10',
      'Ada answered 1/10',
    ]);
  });

  it('shows another organization nothing, and an unknown session as empty', async () => {
    const other = await nats.request<LiveSessionView>(Requests.getLiveSession, {
      orgId: randomUUID(),
      sessionId: inOrder.sessionId,
    });
    expect(other.response).toMatchObject({ sessionId: inOrder.sessionId, participants: [], activity: [] });
    expect(other.response?.counters).toMatchObject({ invited: 0, inSession: 0, complete: 0 });
  });

  it('answers garbage on every subject it listens on with a typed error, then keeps serving', async () => {
    const subjects = Object.values(Requests).filter((subject) => subject.startsWith('monitoring.'));
    const outcomes = await sendGarbageToEverySubject(nats, subjects);
    for (const outcome of outcomes) expect(EXPECTED_GARBAGE_CODES).toContain(outcome.code);
    expect((await live(inOrder.sessionId))?.participants).toHaveLength(1);
  });
});
