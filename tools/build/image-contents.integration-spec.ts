import { freePort, ManagedProcess, runToCompletion, waitUntilReady } from '@invigil/local-stack';
import { testDatabaseUrl, uniqueTag } from '@invigil/server-testing';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildApp, NODE_APPS } from './build-app';

const root = join(__dirname, '../..');
const tag = uniqueTag();

/**
 * No Docker engine runs here, so this proves what the image's runtime stage would hold: the app's
 * compiled output and its generated package.json, installed with `npm ci --omit=dev` into an empty
 * folder, start with plain `node main.js` against the real servers and report ready.
 */
describe('image contents: each app runs from its production install alone', () => {
  afterAll(async () => {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    for (const app of Object.keys(NODE_APPS)) await client.query(`drop schema if exists "${app}_${tag}" cascade`);
    await client.end();
  });

  it.each(Object.keys(NODE_APPS))(
    '%s',
    async (app) => {
      const built = await buildApp(root, app);
      const folder = join(root, 'tmp/images', tag, app);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      cpSync(built, folder, { recursive: true });
      execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: folder,
        stdio: 'pipe',
      });

      const port = await freePort();
      const env: Record<string, string> = {
        NODE_ENV: 'production',
        HTTP_PORT: String(port),
        DATABASE_URL: testDatabaseUrl(),
        DB_SCHEMA: `${app}_${tag}`,
        NATS_SUBJECT_PREFIX: `${tag}.`,
        QUEUE_PREFIX: `invigil-${tag}`,
        JWT_SECRET: `image-test-${tag}-0123456789abcdefghijklmnopqrstuvwxyz`,
        LOG_LEVEL: 'warn',
        // Nothing from the monorepo may leak in: no path aliases, no source TypeScript.
        NODE_PATH: '',
      };
      const spec = (name: string, args: string[]) => ({
        name,
        command: process.execPath,
        args: ['main.js', ...args],
        env,
        cwd: folder,
        logFile: join(root, 'tmp/test-logs', tag, `${name}.log`),
      });
      if (app !== 'gateway') await runToCompletion(spec(`${app}-migrate`, ['migrate']));
      const server = new ManagedProcess(spec(app, []));
      try {
        await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, server, 60_000);
      } finally {
        await server.stop();
      }
    },
    180_000,
  );
});
