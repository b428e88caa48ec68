import { DatabaseEnv, EnvValidationError, loadEnv } from './env';

describe('loadEnv', () => {
  const valid = { HTTP_PORT: '3101', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DB_SCHEMA: 'sessions' };

  it('applies defaults and converts numbers', () => {
    const env = loadEnv(DatabaseEnv, valid);
    expect(env.HTTP_PORT).toBe(3101);
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every missing or malformed variable', () => {
    try {
      loadEnv(DatabaseEnv, { HTTP_PORT: 'abc', DB_SCHEMA: 'Bad-Schema' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvValidationError);
      const message = (error as Error).message;
      expect(message).toContain('HTTP_PORT: HTTP_PORT must be a whole number');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('it is missing');
      expect(message).toContain('DB_SCHEMA');
      expect(message).toContain('got "Bad-Schema"');
    }
  });
});
