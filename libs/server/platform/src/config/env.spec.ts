import { DatabaseEnv, EnvValidationError, loadEnv } from './env';

describe('loadEnv', () => {
  const valid = { HTTP_PORT: '3101', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DB_SCHEMA: 'sessions' };

  it('says a required variable is missing', () => {
    expect(() => loadEnv(DatabaseEnv, { HTTP_PORT: '1' })).toThrow(
      'DB_SCHEMA: DB_SCHEMA must be a lowercase SQL identifier, e.g. sessions (it is missing)',
    );
  });

  it('applies defaults and converts numbers', () => {
    const env = loadEnv(DatabaseEnv, valid);
    expect(env.HTTP_PORT).toBe(3101);
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every missing or malformed variable', () => {
    try {
      loadEnv(DatabaseEnv, {
        HTTP_PORT: 'abc',
        DATABASE_URL: 'mysql://db/x',
        DB_SCHEMA: 'Bad-Schema',
        JUNK: 'ignored',
      });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvValidationError);
      const message = (error as Error).message;
      expect(message).toContain('HTTP_PORT: HTTP_PORT must be a whole number');
      expect(message).toContain(
        'DATABASE_URL: DATABASE_URL must look like postgres://user@127.0.0.1:5432/invigil (got "mysql://db/x")',
      );
      expect(message).toContain(
        'DB_SCHEMA: DB_SCHEMA must be a lowercase SQL identifier, e.g. sessions (got "Bad-Schema")',
      );
      expect(message).not.toContain('JUNK');
    }
  });
});
