import { Requests, UserView } from '@invigil/contracts';
import { freePort, ManagedProcess, ProcessSpec, runToCompletion, waitUntilReady } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { RawNats, RawReply, testDatabaseUrl, uniqueTag } from '@invigil/server-testing';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const tag = uniqueTag();
const env = {
  DATABASE_URL: testDatabaseUrl(),
  DB_SCHEMA: `enrollment_${tag}`,
  NATS_SUBJECT_PREFIX: `${tag}.`,
  LOG_LEVEL: 'warn',
  SHUTDOWN_GRACE_MS: '10000',
};

function enrollmentSpec(name: string, args: string[], extraEnv: Record<string, string> = {}): ProcessSpec {
  return {
    name,
    command: process.execPath,
    args: [join(root, 'tools/run-ts.js'), join(root, 'services/enrollment/src/main.ts'), ...args],
    env: { ...env, ...extraEnv },
    cwd: root,
    logFile: join(root, 'tmp/test-logs', tag, `${name}.log`),
  };
}

async function startReplica(name: string): Promise<ManagedProcess> {
  const port = await freePort();
  const replica = new ManagedProcess(enrollmentSpec(name, [], { HTTP_PORT: String(port) }));
  await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, replica);
  return replica;
}

describe('SIGTERM under load (two replicas in one queue group)', () => {
  let nats: RawNats;
  const replicas: ManagedProcess[] = [];

  beforeAll(async () => {
    for (const command of ['migrate', 'seed']) {
      await runToCompletion(enrollmentSpec(command, [command]));
    }
    replicas.push(await startReplica('replica-a'), await startReplica('replica-b'));
    nats = await RawNats.connect(tag);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await nats?.close();
    await dropSchema(testDatabaseUrl(), env.DB_SCHEMA);
  });

  it('answers every request (by the stopping replica or the other) and loses none', async () => {
    const results: { ok: boolean; error?: string }[] = [];
    let sending = true;
    const worker = async () => {
      let i = 0;
      while (sending) {
        const user = DEMO_USERS[i++ % DEMO_USERS.length];
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
    const exit = replicas[0].stop();
    await exit;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    sending = false;
    await Promise.all(workers);

    expect(replicas[0].running).toBe(false);
    expect(answeredBeforeStop).toBeGreaterThan(0);
    expect(results.length).toBeGreaterThan(answeredBeforeStop);
    expect(results.filter((result) => !result.ok)).toEqual([]);
  });
});
