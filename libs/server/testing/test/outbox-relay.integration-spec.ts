import { EntityManager } from '@mikro-orm/postgresql';
import { Events } from '@invigil/contracts';
import { eventually, RawNats, RunningTestService, startTestService, uniqueTag } from '../src';
import { randomUUID } from 'node:crypto';
import { DatabaseEnv, eventStreamName, Outbox, OutboxMessage, OutboxRelay } from '@invigil/server-platform';
import { ConsumerModule, Effect, failOnce, fixtureMigrations, ProducerModule } from './outbox-fixture';

describe('outbox → JetStream → durable consumer (real PostgreSQL and NATS)', () => {
  const tag = uniqueTag();
  let producer: RunningTestService<DatabaseEnv>;
  let consumer: RunningTestService<DatabaseEnv>;
  let nats: RawNats;

  const spec = { envClass: DatabaseEnv, entities: [Effect], migrations: fixtureMigrations, tag };

  beforeAll(async () => {
    producer = await startTestService({
      ...spec,
      service: 'producer',
      rootModule: (env) => ProducerModule.forRoot(env),
    });
    consumer = await startTestService({
      ...spec,
      service: 'consumer',
      rootModule: (env) => ConsumerModule.forRoot(env),
    });
    nats = await RawNats.connect(tag);
  });

  afterAll(async () => {
    await producer?.stop();
    await consumer?.stop();
    await nats?.deleteStream();
    await nats?.close();
  });

  const relay = () => producer.app.get(OutboxRelay);
  const effects = async (ids: string[]) => {
    const rows = await consumer.app
      .get(EntityManager)
      .fork()
      .find(Effect, { sessionId: { $in: ids } });
    return new Map(rows.map((row) => [row.sessionId, row.applied]));
  };
  const streamMessages = async () =>
    (await (await nats.connection.jetstreamManager()).streams.info(eventStreamName(`${tag}.`))).state.messages;

  async function commitEvents(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const sessionId of ids) {
      await producer.app.get(Outbox).transaction(async (_em, emit) => {
        emit(Events.sessionCreated, {
          orgId: randomUUID(),
          sessionId,
          name: 'n',
          enrollmentCode: 'ABCDEF',
          questionCount: 1,
        });
      });
    }
    return ids;
  }

  it('publishes nothing while the relay is stopped and everything, once, after it restarts', async () => {
    const ids = await commitEvents(20);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await relay().backlog()).toBe(20);
    expect((await effects(ids)).size).toBe(0);

    await relay().start();
    const applied = await eventually(
      async () => {
        const map = await effects(ids);
        return map.size === ids.length ? map : undefined;
      },
      15_000,
      'all 20 effects',
    );
    expect([...applied.values()]).toEqual(ids.map(() => 1));
    expect(await relay().backlog()).toBe(0);
  });

  it('stores a row republished after a crash between publish and mark only once, and applies it once', async () => {
    const ids = await commitEvents(5);
    await eventually(async () => (await effects(ids)).size === 5, 15_000, 'first delivery');
    const before = await streamMessages();

    // The crash: the rows were published but their "published" mark was lost.
    await relay().stop();
    await producer.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute("update outbox set published_at = null where published_at > now() - interval '1 minute'");
    await relay().start();
    await eventually(async () => (await relay().backlog()) === 0, 15_000, 'the relay to republish');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await streamMessages()).toBe(before);
    expect([...(await effects(ids)).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('redelivers an event whose handler failed and applies it exactly once', async () => {
    const sessionId = randomUUID();
    failOnce.add(sessionId);
    await producer.app.get(Outbox).transaction(async (_em, emit) => {
      emit(Events.sessionCreated, {
        orgId: randomUUID(),
        sessionId,
        name: 'n',
        enrollmentCode: 'ABCDEF',
        questionCount: 1,
      });
    });
    const applied = await eventually(
      async () => (await effects([sessionId])).get(sessionId),
      15_000,
      'the redelivered effect',
    );
    expect(applied).toBe(1);
    expect(failOnce.has(sessionId)).toBe(false);
  });

  it("runs Outbox.transaction's after-commit work once its event is committed, and drops it on rollback", async () => {
    const ran: string[] = [];
    const sessionId = randomUUID();
    await producer.app.get(Outbox).transaction(async (_em, emit, afterCommit) => {
      emit(Events.sessionCreated, {
        orgId: randomUUID(),
        sessionId,
        name: 'n',
        enrollmentCode: 'ABCDEF',
        questionCount: 1,
      });
      afterCommit(async () => {
        const row = await producer.app.get(EntityManager).fork().findOne(OutboxMessage, { payload: { sessionId } });
        ran.push(row ? 'committed' : 'too early');
      });
    });
    await expect(
      producer.app.get(Outbox).transaction(async (_em, _emit, afterCommit) => {
        afterCommit(async () => {
          ran.push('rolled back');
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(ran).toEqual(['committed']);
  });
});
