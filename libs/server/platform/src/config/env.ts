import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Thrown at start-up; the message names every missing or malformed variable and how to fix it. */
export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Variables every service and the gateway read. A service's own env class extends this one. */
export class PlatformEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port for health checks (and, in the gateway, the API). */
  @Transform(toInt)
  @IsInt({ message: 'HTTP_PORT must be a whole number, e.g. 3101' })
  @Min(0)
  @Max(65535)
  HTTP_PORT = 0;

  @IsString()
  @Matches(/^nats:\/\/.+/, { message: 'NATS_URL must look like nats://127.0.0.1:4222' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Prefixes every subject, stream and consumer: lets test suites and tenants share one NATS. */
  @IsOptional()
  @Matches(/^([a-z0-9_-]+\.)?$/, {
    message: 'NATS_SUBJECT_PREFIX must be empty or a lowercase token ending with a dot, e.g. "t1."',
  })
  NATS_SUBJECT_PREFIX = '';

  @IsString()
  @Matches(/^redis:\/\/.+/, { message: 'REDIS_URL must look like redis://127.0.0.1:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** How long shutdown waits for in-flight requests and jobs before closing anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;
}

/** Variables of services that own a PostgreSQL schema. */
export class DatabaseEnv extends PlatformEnv {
  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user@127.0.0.1:5432/invigil' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/invigil';

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DB_SCHEMA must be a lowercase SQL identifier, e.g. sessions' })
  DB_SCHEMA!: string;

  /** PostgreSQL connections per process. */
  @Transform(toInt)
  @IsInt({ message: 'DB_POOL_MAX must be a whole number of connections, e.g. 10' })
  @Min(1)
  @Max(200)
  DB_POOL_MAX = 10;

  /** How long a query may wait for a free connection before failing (milliseconds). */
  @Transform(toInt)
  @IsInt({ message: 'DB_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds, e.g. 3000' })
  @Min(100)
  @Max(60_000)
  DB_ACQUIRE_TIMEOUT_MS = 3_000;
}

/**
 * Reads and validates the environment once. Unknown variables are ignored (the process
 * environment holds many), defaults apply to what is absent.
 */
export function loadEnv<T extends object>(envClass: new () => T, source: NodeJS.ProcessEnv = process.env): T {
  const env = plainToInstance(envClass, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const given = source[error.property];
      const shown = given === undefined ? 'it is missing' : `got "${given}"`;
      // The pattern's message shows an example; otherwise the top decorator (listed last) is the most helpful.
      const constraints = error.constraints ?? {};
      const message = constraints['matches'] ?? Object.values(constraints).at(-1) ?? 'is invalid';
      return `${error.property}: ${message} (${shown})`;
    });
    throw new EnvValidationError(problems);
  }
  return env;
}
