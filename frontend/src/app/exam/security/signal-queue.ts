import { signal } from '@angular/core';
import type { RecordSignalBody } from '@invigil/contracts';

export interface SignalQueueOptions {
  send: (signal: RecordSignalBody) => Promise<unknown>;
  /** True when the failure may pass (network, 5xx): the signal stays queued and is retried. */
  isTransient: (error: unknown) => boolean;
  /** Waits between retries; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Beyond this many unsent signals the oldest are dropped, so a long outage cannot exhaust memory. */
  maxQueued?: number;
}

const defaultRetryDelaysMs = [1_000, 2_000, 5_000, 10_000];
const defaultMaxQueued = 500;

/**
 * Sends suspicious-activity signals one at a time, in the order they happened, and keeps each one
 * until the server has it: they are evidence, so a flaky connection must not lose them. A signal
 * the server refuses for good (4xx) is dropped: sending it again cannot succeed.
 */
export class SignalQueue {
  private readonly queue = signal<readonly RecordSignalBody[]>([]);
  private sending = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private disposed = false;

  readonly pending = this.queue.asReadonly();

  constructor(private readonly options: SignalQueueOptions) {}

  push(item: RecordSignalBody): void {
    if (this.disposed) return;
    const max = this.options.maxQueued ?? defaultMaxQueued;
    this.queue.update((list) => [...list, item].slice(-max));
    this.pump();
  }

  /** Retries at once instead of waiting out the back-off, e.g. when the browser is back online. */
  retryNow(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private pump(): void {
    if (this.sending || this.retryTimer !== null || this.disposed) return;
    const next = this.queue()[0];
    if (!next) return;
    this.sending = true;
    this.options.send(next).then(
      () => this.settle(next, true),
      (error: unknown) => {
        if (this.options.isTransient(error)) this.settle(next, false);
        else this.settle(next, true);
      },
    );
  }

  private settle(item: RecordSignalBody, done: boolean): void {
    this.sending = false;
    if (done) {
      this.failures = 0;
      this.queue.update((list) => list.filter((queued) => queued !== item));
      this.pump();
      return;
    }
    if (this.disposed) return;
    const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)];
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
  }
}
