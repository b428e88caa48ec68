import { ServiceNames } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** What a suite may add to the stack: env for every process, fixed gateway ports (e.g. for PUBLIC_URL in mailed links). */
export interface E2eStackOptions {
  extraEnv?: Record<string, string>;
  gatewayPorts?: number[];
}

/** The whole system for one browser suite, isolated by a tag, serving the built frontend. */
export async function startE2eStack(gateways = 1, options: E2eStackOptions = {}): Promise<LocalStack> {
  const frontendDist = join(ROOT, 'dist/frontend/browser');
  if (!existsSync(join(frontendDist, 'index.html'))) {
    throw new Error('The frontend is not built: run `npx nx build frontend` first (npm test does).');
  }
  const tag = uniqueTag();
  return LocalStack.start({
    root: ROOT,
    databaseUrl: testDatabaseUrl(),
    natsUrl: testNatsUrl(),
    redisUrl: testRedisUrl(),
    tag,
    gateways,
    jwtSecret: `e2e-secret-${tag}-0123456789abcdefghijklmnop`,
    frontendDist,
    logDir: join(ROOT, 'tmp/test-logs', tag),
    seed: true,
    logLevel: 'info',
    extraEnv: options.extraEnv,
    gatewayPorts: options.gatewayPorts,
  });
}

/** Stops the stack and removes what the suite created: its schemas and its event stream. */
export async function destroyE2eStack(stack: LocalStack | undefined): Promise<void> {
  if (!stack) return;
  await stack.stop();
  for (const name of ServiceNames) await dropSchema(stack.settings.databaseUrl, stack.schemaOf(name));
  const nats = await RawNats.connect(stack.settings.tag);
  await nats.deleteStream();
  await nats.close();
}
