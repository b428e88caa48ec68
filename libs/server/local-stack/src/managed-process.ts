import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Where stdout and stderr go; one file per process. */
  logFile: string;
  /** Echo output to this process' stdout too (npm start does, tests don't). */
  echo?: boolean;
}

/** A child process with its output kept in a log file, stopped with SIGTERM like Kubernetes does. */
export class ManagedProcess {
  private exitPromise: Promise<number | null>;
  readonly child: ChildProcess;

  constructor(readonly spec: ProcessSpec) {
    mkdirSync(dirname(spec.logFile), { recursive: true });
    const log = createWriteStream(spec.logFile, { flags: 'a' });
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.pipe(log, { end: false });
      if (spec.echo) stream?.on('data', (chunk: Buffer) => process.stdout.write(`[${spec.name}] ${chunk.toString()}`));
    }
    this.exitPromise = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  exited(): Promise<number | null> {
    return this.exitPromise;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<number | null> {
    if (!this.running) return this.exitPromise;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exitPromise;
    clearTimeout(timer);
    return code;
  }
}

/** Runs a command to completion (migrations, seeds); rejects with its log file named on failure. */
export async function runToCompletion(spec: ProcessSpec): Promise<void> {
  const child = new ManagedProcess(spec);
  const code = await child.exited();
  if (code !== 0) throw new Error(`${spec.name} exited with code ${code}; see ${spec.logFile}`);
}

/** Polls a URL until it answers 200 (a readiness probe), or fails naming the process and its log. */
export async function waitUntilReady(url: string, child: ManagedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.spec.name} exited before it was ready; see ${child.spec.logFile}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${child.spec.name} was not ready within ${timeoutMs / 1000} s (${url}); see ${child.spec.logFile}`);
}
