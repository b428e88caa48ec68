import { loadEnv } from './env';
import { QueueEnv } from './queue-env';

describe('QueueEnv', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DB_SCHEMA: 'scoring' };

  it('defaults QUEUE_PREFIX to invigil and keeps the database variables', () => {
    const env = loadEnv(QueueEnv, base);
    expect(env.QUEUE_PREFIX).toBe('invigil');
    expect(env.DB_SCHEMA).toBe('scoring');
  });

  it('takes a prefix of letters, digits, "_" and "-"', () => {
    expect(loadEnv(QueueEnv, { ...base, QUEUE_PREFIX: 'suite_7-a' }).QUEUE_PREFIX).toBe('suite_7-a');
  });

  it('refuses a prefix BullMQ keys cannot carry, with an example', () => {
    expect(() => loadEnv(QueueEnv, { ...base, QUEUE_PREFIX: 'a:b' })).toThrow(
      'QUEUE_PREFIX: QUEUE_PREFIX must be letters, digits, "_" or "-", e.g. invigil (got "a:b")',
    );
  });
});
