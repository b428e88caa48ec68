/** One item's outcome in a batch: its own reply, or its own refusal. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for others to join it. */
  windowMs: number;
  /** A batch this full is written at once, without waiting for the window. */
  maxBatch: number;
  /** Batches written side by side; items arriving meanwhile wait and join the next batch. */
  maxInFlight: number;
  /**
   * An item that waited longer than this for a writer is refused with `overloaded()` instead of
   * written: past the knee, nobody is waiting for it any more (the caller gave up and will resend),
   * and writing it would only delay the items behind it.
   */
  maxWaitMs: number;
}

interface Waiting<T, R> {
  item: T;
  since: number;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items arriving within `windowMs` of each other (or while every writer is busy) are
 * handed to `write` together, and each caller's promise settles with its own outcome only once
 * `write` has returned — after the batch's transaction committed. If `write` itself throws, every
 * item of that batch fails with `failure(error)` and nothing else is affected.
 */
export class GroupCommitQueue<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly write: (items: T[]) => Promise<BatchOutcome<R>[]>,
    private readonly failure: (error: unknown) => unknown,
    private readonly overloaded: () => unknown,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, since: Date.now(), resolve, reject });
      if (this.waiting.length >= this.options.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  /** Items not yet handed to a writer. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Writes what is waiting now and waits for every batch in flight (a graceful shutdown). */
  async drain(): Promise<void> {
    while (this.waiting.length > 0 || this.writing.size > 0) {
      this.flush();
      await Promise.race(this.writing);
    }
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.refuseExpired();
    while (this.waiting.length > 0 && this.writing.size < this.options.maxInFlight) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      const run = this.run(batch).finally(() => {
        this.writing.delete(run);
        // What arrived while every writer was busy goes next, without waiting a window again.
        if (this.waiting.length > 0) this.flush();
      });
      this.writing.add(run);
    }
  }

  private refuseExpired(): void {
    const oldest = Date.now() - this.options.maxWaitMs;
    const first = this.waiting[0];
    if (!first || first.since >= oldest) return;
    const expired = this.waiting.filter((waiting) => waiting.since < oldest);
    this.waiting = this.waiting.filter((waiting) => waiting.since >= oldest);
    for (const waiting of expired) waiting.reject(this.overloaded());
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    let outcomes: BatchOutcome<R>[];
    try {
      outcomes = await this.write(batch.map((waiting) => waiting.item));
    } catch (error) {
      const failed = this.failure(error);
      for (const waiting of batch) waiting.reject(failed);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (!outcome) waiting.reject(this.failure(new Error(`The batch writer returned no outcome for item ${index}`)));
      else if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
