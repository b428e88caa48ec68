import { randomBytes } from 'node:crypto';

/** The database integration suites use; each suite works in schemas of its own inside it. */
export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export function testNatsUrl(): string {
  return process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
}

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

/** A short random tag: names a suite's schemas, NATS subject prefix, stream and queues. */
export function uniqueTag(): string {
  return `t${randomBytes(4).toString('hex')}`;
}
