import { computed, signal } from '@angular/core';
import type { AnswerValue, SaveAnswerAck } from '@invigil/contracts';
import type { PendingSaveStore } from './pending-save-store';

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
 * committed it. With a store, waiting saves also survive a reload and are sent again afterwards.
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
  /** Off while there is nobody to send to (socket down, view not attached yet): saves wait, untried. */
  private sending = true;
  /** Keeps unacknowledged saves across reloads (see restore); until then they live in memory only. */
  private store: PendingSaveStore | null = null;

  /** "Offline" wins until a save gets through; "saving" while anything is unacknowledged. */
  readonly state = computed<SaveState>(() =>
    this.failing() ? 'offline' : this.queue().length > 0 ? 'saving' : 'saved',
  );
  readonly pending = this.queue.asReadonly();

  constructor(private readonly options: SaveQueueOptions) {}

  /**
   * Continues numbering after what the server already stored, so resumed saves are not stale. A
   * waiting save the server already has (acknowledged just before a reload) is dropped.
   */
  seed(questionId: string, storedSeq: number): void {
    this.lastSeq.set(questionId, Math.max(this.lastSeq.get(questionId) ?? 0, storedSeq));
    const stale = this.queue().filter(
      (queued) => queued !== this.inFlight && queued.questionId === questionId && queued.clientSeq <= storedSeq,
    );
    for (const save of stale) this.forget(save);
  }

  /**
   * Keeps every save in this store from now on, and takes back the saves an earlier page left there
   * (a reload, a crash), oldest first, numbering new changes after them. Changes made since this page
   * opened stay newer and win.
   */
  async restore(store: PendingSaveStore): Promise<void> {
    this.store = store;
    for (const save of this.queue()) this.persist(() => store.put(save));
    const stored = await store.load().catch(() => []);
    for (const save of stored)
      this.lastSeq.set(save.questionId, Math.max(this.lastSeq.get(save.questionId) ?? 0, save.clientSeq));
    this.queue.update((list) => [
      ...stored.filter((save) => !list.some((queued) => queued.questionId === save.questionId)),
      ...list,
    ]);
    this.pump();
  }

  enqueue(questionId: string, answer: AnswerValue): PendingSave {
    const clientSeq = (this.lastSeq.get(questionId) ?? 0) + 1;
    this.lastSeq.set(questionId, clientSeq);
    const save: PendingSave = { questionId, clientSeq, answer };
    this.persist(() => this.store?.put(save));
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

  /**
   * Stops or restarts sending. While stopped saves only accumulate; restarting sends at once, without
   * waiting out a back-off left from before.
   */
  setSending(enabled: boolean): void {
    this.sending = enabled;
    if (!enabled) return;
    this.failures = 0;
    this.failing.set(false);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
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
    if (this.disposed || !this.sending || this.inFlight || this.retryTimer !== null) return;
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
        this.forget(next);
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
          this.forget(next);
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

  /** Done with a save (stored, refused, or superseded): out of the queue and out of the store. */
  private forget(save: PendingSave): void {
    this.queue.update((list) => list.filter((queued) => queued !== save));
    this.persist(() => this.store?.remove(save));
  }

  /** The store is a safety net: when it fails (private mode, quota) saving goes on from memory. */
  private persist(write: () => Promise<void> | undefined): void {
    write()?.catch(() => undefined);
  }
}
