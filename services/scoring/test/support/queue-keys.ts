import { testRedisUrl } from '@invigil/server-testing';
import Redis from 'ioredis';

/** Removes every BullMQ key under the suite's QUEUE_PREFIX; run after the service has stopped, so nothing writes them again. */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
