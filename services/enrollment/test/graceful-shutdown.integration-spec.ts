import type { UserView } from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import { freePort, ManagedProcess, runToCompletion, waitUntilReady } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { RawReply } from '@invigil/server-testing';
import { RawNats, testDatabaseUrl, uniqueTag } from '@invigil/server-testing';
import { enrollmentProcess, enrollmentProcessEnv } from './support/enrollment-process';
import { at, first } from '@invigil/server-testing';

const tag = uniqueTag();
const schema = enrollmentProcessEnv(tag).DB_SCHEMA;
const grace = { SHUTDOWN_GRACE_MS: '10000' };

async function startReplica(name: string): Promise<ManagedProcess> {
  const port = await freePort();
  const replica = new ManagedProcess(enrollmentProcess(tag, name, [], { ...grace, HTTP_PORT: String(port) }));
  await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, replica);
  return replica;
}

describe('SIGTERM under load (two replicas in one queue group)', () => {
  let nats: RawNats;
  const replicas: ManagedProcess[] = [];

  beforeAll(async () => {
    for (const command of ['migrate', 'seed']) {
      await runToCompletion(enrollmentProcess(tag, command, [command], grace));
    }
    replicas.push(await startReplica('replica-a'), await startReplica('replica-b'));
    nats = await RawNats.connect(tag);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await nats?.close();
    await dropSchema(testDatabaseUrl(), schema);
  });

  it('answers every request (by the stopping replica or the other) and loses none', async () => {
    const results: { ok: boolean; error?: string }[] = [];
    let sending = true;
    const worker = async () => {
      let i = 0;
      while (sending) {
        const user = at(DEMO_USERS, i++ % DEMO_USERS.length);
        try {
          const reply: RawReply<UserView> = await nats.request(
            Requests.getUser,
            { orgId: DEMO_ORG.id, userId: user.id },
            10_000,
          );
          results.push(reply.response?.id === user.id ? { ok: true } : { ok: false, error: JSON.stringify(reply.err) });
        } catch (error) {
          results.push({ ok: false, error: String(error) });
        }
      }
    };
    const workers = Array.from({ length: 16 }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const answeredBeforeStop = results.length;
    const exit = first(replicas).stop();
    await exit;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    sending = false;
    await Promise.all(workers);

    expect(first(replicas).running).toBe(false);
    expect(answeredBeforeStop).toBeGreaterThan(0);
    expect(results.length).toBeGreaterThan(answeredBeforeStop);
    expect(results.filter((result) => !result.ok)).toEqual([]);
  });
});
