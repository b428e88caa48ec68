import type { ProcessSpec } from '@invigil/local-stack';
import { freePort, ManagedProcess, runToCompletion, waitUntilReady } from '@invigil/local-stack';
import { testDatabaseUrl, testNatsUrl, testRedisUrl } from '@invigil/server-testing';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/**
 * One real service as its own process for a gateway suite, as in production: migrated, seeded
 * (enrollment's demo accounts) and ready, in the suite's schemas and NATS prefix.
 */
export async function startServiceProcess(
  name: 'enrollment' | 'monitoring' | 'messaging' | 'sessions' | 'scoring',
  tag: string,
): Promise<ManagedProcess> {
  const port = await freePort();
  const spec = (processName: string, args: string[]): ProcessSpec => ({
    name: processName,
    command: process.execPath,
    args: [join(root, 'tools/run-ts.js'), join(root, `services/${name}/src/main.ts`), ...args],
    env: {
      NODE_ENV: 'test',
      HTTP_PORT: String(port),
      DATABASE_URL: testDatabaseUrl(),
      DB_SCHEMA: `${name}_${tag}`,
      NATS_URL: testNatsUrl(),
      NATS_SUBJECT_PREFIX: `${tag}.`,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `invigil-${tag}`,
      LOG_LEVEL: 'warn',
    },
    cwd: root,
    logFile: join(root, 'tmp/test-logs', tag, `${processName}.log`),
  });
  await runToCompletion(spec(`${name}-migrate`, ['migrate']));
  if (name === 'enrollment') await runToCompletion(spec('enrollment-seed', ['seed']));
  const running = new ManagedProcess(spec(name, []));
  await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, running);
  return running;
}
