import { DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-seed';
import { LocalStack } from '@invigil/local-stack';
import { join } from 'node:path';
import { ensureDemoLiveSession } from './demo-sessions';

/**
 * `npm start`: every service and one gateway as separate processes on this machine's PostgreSQL,
 * Redis and NATS, with demo data, serving the built frontend. Ctrl+C stops them gracefully.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const gatewayPort = Number(process.env['PORT'] ?? 3000);
  const stack = await LocalStack.start({
    root,
    databaseUrl: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/invigil',
    natsUrl: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    tag: '',
    gateways: 1,
    gatewayPorts: [gatewayPort],
    servicePorts: { sessions: 3101, enrollment: 3102, monitoring: 3103, messaging: 3104, scoring: 3105 },
    jwtSecret: process.env['JWT_SECRET'] ?? 'invigil-local-development-secret-change-me',
    frontendDist: join(root, 'dist/frontend/browser'),
    logDir: join(root, 'var/log'),
    seed: true,
    logLevel: process.env['LOG_LEVEL'] ?? 'info',
  });
  // A failure here leaves a working system without the demo session: say so, do not stop.
  const demo = await ensureDemoLiveSession(stack.gatewayUrl()).then(
    ({ session, created }) =>
      `"${session.name}" ${created ? 'created' : 'running'}, enrollment code ${session.enrollmentCode}`,
    (error: unknown) => `not created (${error instanceof Error ? error.message : String(error)})`,
  );
  const logins = DEMO_USERS.map((user) => `    ${user.role.padEnd(9)} ${user.email}`).join('\n');
  process.stdout.write(
    `\nInvigil is running: ${stack.gatewayUrl()}\n` +
      `  API ${stack.gatewayUrl()}/api  ·  OpenAPI ${stack.gatewayUrl()}/api/openapi.json  ·  logs in var/log/\n` +
      `  Demo logins (password "${DEMO_PASSWORD}"):\n${logins}\n` +
      `  Demo session: ${demo}; sign in as the proctor to watch it, as cand1 to join it with the code and take it\n` +
      `Press Ctrl+C to stop.\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Invigil (graceful: draining NATS, finishing in-flight work)…\n');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Invigil failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
