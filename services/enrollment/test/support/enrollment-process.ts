import type { ProcessSpec } from '@invigil/local-stack';
import { testDatabaseUrl } from '@invigil/server-testing';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

/** What a separately started enrollment process needs to use the test database and NATS under `tag`. */
export function enrollmentProcessEnv(tag: string): {
  DATABASE_URL: string;
  DB_SCHEMA: string;
  NATS_SUBJECT_PREFIX: string;
  LOG_LEVEL: string;
} {
  return {
    DATABASE_URL: testDatabaseUrl(),
    DB_SCHEMA: `enrollment_${tag}`,
    NATS_SUBJECT_PREFIX: `${tag}.`,
    LOG_LEVEL: 'warn',
  };
}

/**
 * `main.ts` with `args` (none: serve; `migrate`; `seed`) as its own process, as a deployment runs
 * it, logging to tmp/test-logs/<tag>/<name>.log. `env` adds to or overrides `enrollmentProcessEnv`.
 */
export function enrollmentProcess(
  tag: string,
  name: string,
  args: string[] = [],
  env: Record<string, string> = {},
): ProcessSpec {
  return {
    name,
    command: process.execPath,
    args: [join(root, 'tools/run-ts.js'), join(root, 'services/enrollment/src/main.ts'), ...args],
    env: { ...enrollmentProcessEnv(tag), ...env },
    cwd: root,
    logFile: join(root, 'tmp/test-logs', tag, `${name}.log`),
  };
}
