import { ServiceNames } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { Redis } from 'ioredis';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/**
 * The whole system as separate processes on this machine's PostgreSQL, NATS and Redis, under a
 * tag of its own (schemas, subjects, stream, queue keys), as the integration suites start it.
 */
export async function startBenchStack(profileDir: string | undefined): Promise<LocalStack> {
  const tag = uniqueTag();
  return LocalStack.start({
    root,
    databaseUrl: testDatabaseUrl(),
    natsUrl: testNatsUrl(),
    redisUrl: testRedisUrl(),
    tag,
    gateways: 1,
    jwtSecret: `autosave-bench-${tag}-0123456789abcdefghijklmnop`,
    logDir: join(root, 'tmp/bench-logs', tag),
    seed: true,
    logLevel: 'warn',
    extraEnv: {
      // The API's per-address limit would otherwise throttle one machine's worth of candidates.
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      // For finding where the time goes: every process writes a .cpuprofile there when it stops.
      ...(profileDir
        ? {
            NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profile-preload.js')}`,
            AUTOSAVE_CPU_PROFILE_DIR: profileDir,
          }
        : {}),
    },
  });
}

/** Stops the stack and removes what it left behind: schemas, the event stream, queue keys in Redis. */
export async function stopBenchStack(stack: LocalStack): Promise<void> {
  const tag = stack.settings.tag;
  await stack.stop();
  for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  const nats = await RawNats.connect(tag);
  await nats.deleteStream();
  await nats.close();
  const redis = new Redis(testRedisUrl());
  try {
    for (const pattern of [`invigil-${tag}:*`, `invigil:${tag}.*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
