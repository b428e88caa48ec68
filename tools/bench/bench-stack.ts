import type { ServiceName } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { Redis } from 'ioredis';
import { join } from 'node:path';

const root = join(__dirname, '../..');

export interface BenchStackOptions {
  /** Where every process writes a .cpuprofile when it stops (for finding where the time goes). */
  profileDir?: string;
  /** The services to run (all by default); the others are answered by peers on NATS. */
  services?: readonly ServiceName[];
  gateways?: number;
  extraEnv?: Record<string, string>;
}

/**
 * The system (or a part of it) as separate processes on this machine's PostgreSQL, NATS and Redis,
 * under a tag of its own (schemas, subjects, stream, queue keys), as the integration suites start it.
 */
export async function startBenchStack(options: BenchStackOptions = {}): Promise<LocalStack> {
  const { profileDir, services, gateways = 1, extraEnv = {} } = options;
  const tag = uniqueTag();
  return LocalStack.start({
    root,
    databaseUrl: testDatabaseUrl(),
    natsUrl: testNatsUrl(),
    redisUrl: testRedisUrl(),
    tag,
    services,
    gateways,
    jwtSecret: `autosave-bench-${tag}-0123456789abcdefghijklmnop`,
    logDir: join(root, 'tmp/bench-logs', tag),
    seed: true,
    logLevel: 'warn',
    extraEnv: {
      // Every simulated candidate is a user of its own, but the set-up's staff account makes thousands
      // of roster and session calls: the per-user API limit must not measure the bench's own set-up.
      RATE_LIMIT_PER_MINUTE: '10000000',
      ...(profileDir
        ? {
            NODE_OPTIONS: `--require ${join(__dirname, 'autosave/cpu-profile-preload.js')}`,
            AUTOSAVE_CPU_PROFILE_DIR: profileDir,
          }
        : {}),
      ...extraEnv,
    },
  });
}

/** Stops the stack and removes what it left behind: schemas, the event stream, queue keys in Redis. */
export async function stopBenchStack(stack: LocalStack): Promise<void> {
  const tag = stack.settings.tag;
  await stack.stop();
  for (const name of stack.serviceNames) await dropSchema(testDatabaseUrl(), stack.schemaOf(name));
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
