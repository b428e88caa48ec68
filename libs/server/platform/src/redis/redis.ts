import Redis from 'ioredis';

export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/** BullMQ needs maxRetriesPerRequest: null; the same settings suit health checks. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
