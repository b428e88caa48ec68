import { freePort, ManagedProcess } from '@invigil/local-stack';
import { uniqueTag } from '@invigil/server-testing';
import { enrollmentProcess } from './support/enrollment-process';

function startEnrollment(tag: string, env: Record<string, string>): ManagedProcess {
  return new ManagedProcess(enrollmentProcess(tag, 'enrollment', [], env));
}

describe('a service starting alone', () => {
  it('refuses to start with a malformed variable and names it', async () => {
    const tag = uniqueTag();
    const child = startEnrollment(tag, { HTTP_PORT: 'eighty', NATS_URL: 'localhost:4222' });
    let stderr = '';
    child.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await child.exited()).toBe(1);
    expect(stderr).toContain('HTTP_PORT: HTTP_PORT must be a whole number, e.g. 3101 (got "eighty")');
    expect(stderr).toContain('NATS_URL: NATS_URL must look like nats://127.0.0.1:4222 (got "localhost:4222")');
  });

  it('is alive but not ready while one of its dependencies does not answer', async () => {
    const tag = uniqueTag();
    const port = await freePort();
    const child = startEnrollment(tag, { HTTP_PORT: String(port), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      let live = 0;
      for (let i = 0; i < 100 && live !== 200; i++) {
        live = await fetch(`http://127.0.0.1:${port}/health/live`).then(
          (r) => r.status,
          () => 0,
        );
        if (live !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(live).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { error: Record<string, { status: string }> };
      expect(body.error['redis']?.status).toBe('down');
    } finally {
      await child.stop();
    }
  });
});
