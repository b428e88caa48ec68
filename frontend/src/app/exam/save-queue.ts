import { computed, signal } from '@angular/core';
import { AnswerValue, SaveAnswerAck } from '@invigil/contracts';

export interface PendingSave {
  questionId: string;
  clientSeq: number;
  answer: AnswerValue;
}

export type SaveState = 'saved' | 'saving' | 'offline';

export interface SaveQueueOptions {
  send: (save: PendingSave) => Promise<SaveAnswerAck>;
  /** True when the failure may pass (network, 5xx): the save stays queued and is retried. */
  isTransient: (error: unknown) => boolean;
  /** Called for a save the server refused for good (e.g. the attempt is already submitted). */
  onRejected?: (save: PendingSave, error: unknown) => void;
  onAcknowledged?: (ack: SaveAnswerAck) => void;
  /** Waits between retries; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

const defaultRetryDelaysMs = [1_000, 2_000, 5_000, 10_000];

/**
 * Sends answer saves one at a time, in the order the candidate made them, and keeps every save
 * that is not acknowledged yet so it can be retried: an answer counts only once the server has
 * committed it. In memory for now; persisting the queue across reloads comes later.
 */
export class SaveQueue {
  private readonly queue = signal<readonly PendingSave[]>([]);
  private readonly failing = signal(false);
  private readonly lastSeq = new Map<string, number>();
  private inFlight: PendingSave | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;

  /** "Offline" wins until a save gets through; "saving" while anything is unacknowledged. */
  readonly state = computed<SaveState>(() =>
    this.failing() ? 'offline' : this.queue().length > 0 ? 'saving' : 'saved',
  );
  readonly pending = this.queue.asReadonly();

  constructor(private readonly options: SaveQueueOptions) {}

  /** Continues numbering after what the server already stored, so resumed saves are not stale. */
  seed(questionId: string, storedSeq: number): void {
    this.lastSeq.set(questionId, Math.max(this.lastSeq.get(questionId) ?? 0, storedSeq));
  }

  enqueue(questionId: string, answer: AnswerValue): PendingSave {
    const clientSeq = (this.lastSeq.get(questionId) ?? 0) + 1;
    this.lastSeq.set(questionId, clientSeq);
    const save: PendingSave = { questionId, clientSeq, answer };
    // An unsent older answer to the same question is obsolete; the one in flight must stay tracked.
    this.queue.update((list) => [
      ...list.filter((queued) => queued === this.inFlight || queued.questionId !== questionId),
      save,
    ]);
    this.pump();
    return save;
  }

  /** Retries at once instead of waiting out the back-off, e.g. when the browser is back online. */
  retryNow(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pump();
  }

  /** Resolves once every save so far is acknowledged (or refused). */
  whenIdle(): Promise<void> {
    if (this.queue().length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private pump(): void {
    if (this.disposed || this.inFlight || this.retryTimer !== null) return;
    const next = this.queue()[0];
    if (!next) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
      return;
    }
    this.inFlight = next;
    this.options.send(next).then(
      (ack) => {
        this.inFlight = null;
        this.failures = 0;
        this.failing.set(false);
        this.remove(next);
        this.options.onAcknowledged?.(ack);
        this.pump();
      },
      (error: unknown) => {
        this.inFlight = null;
        if (this.options.isTransient(error)) {
          this.failing.set(true);
          this.scheduleRetry();
        } else {
          // The server answered, so the connection is fine; this one save simply cannot be stored.
          this.failures = 0;
          this.failing.set(false);
          this.remove(next);
          this.options.onRejected?.(next, error);
          this.pump();
        }
      },
    );
  }

  private scheduleRetry(): void {
    const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)];
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
  }

  private remove(save: PendingSave): void {
    this.queue.update((list) => list.filter((queued) => queued !== save));
  }
}
