import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

/** Runs a deployable's real entry point from source, as the local stack does, and reports how it ended. */
function runMain(entry: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'tools/run-ts.js'), join(root, entry), ...args],
      { cwd: root, timeout: 45_000, env: { ...process.env, LOG_LEVEL: 'silent' } },
      (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
  });
}

const deployables: [name: string, entry: string, commands: string][] = [
  ['sessions', 'services/sessions/src/main.ts', 'serve, migrate, seed'],
  ['enrollment', 'services/enrollment/src/main.ts', 'serve, migrate, seed'],
  ['monitoring', 'services/monitoring/src/main.ts', 'serve, migrate'],
  ['messaging', 'services/messaging/src/main.ts', 'serve, migrate'],
  ['scoring', 'services/scoring/src/main.ts', 'serve, migrate'],
  ['gateway', 'gateway/src/main.ts', 'serve'],
];

describe('main.ts of every deployable', () => {
  it.each(deployables)(
    '%s stops an unknown command with the list of its commands and exit code 2',
    async (name, entry, commands) => {
      const { code, stderr } = await runMain(entry, ['migrat']);
      expect(stderr).toContain(`${name}: unknown command "migrat"; the commands are: ${commands} (none means serve)`);
      expect(code).toBe(2);
    },
  );
});
