import { ServiceNames } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl } from '@invigil/server-testing';
import { join } from 'node:path';

export const root = join(__dirname, '../..');

/** Every service and `gateways` replicas on the real PostgreSQL, NATS and Redis, seeded, under the suite's tag. */
export function startSuiteStack(
  tag: string,
  jwtSecret: string,
  gateways: number,
  extraEnv: Record<string, string> = {},
): Promise<LocalStack> {
  return LocalStack.start({
    root,
    databaseUrl: testDatabaseUrl(),
    natsUrl: testNatsUrl(),
    redisUrl: testRedisUrl(),
    tag,
    gateways,
    jwtSecret,
    logDir: join(root, 'tmp/test-logs', tag),
    seed: true,
    logLevel: 'warn',
    extraEnv,
  });
}

/** Stops the stack and removes the suite's schemas and event stream. */
export async function stopSuiteStack(stack: LocalStack | undefined, tag: string): Promise<void> {
  await stack?.stop();
  for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  const nats = await RawNats.connect(tag);
  await nats.deleteStream();
  await nats.close();
}
