import { computed, signal } from '@angular/core';

/**
 * Counts the time left down locally between server refreshes. Display only: the server decides when
 * time is up. Keeps a deadline rather than decrementing, so a throttled background tab stays right.
 */
export class Countdown {
  private readonly deadline = signal<number | null>(null);
  private readonly now = signal(Date.now());
  private ticker: ReturnType<typeof setInterval> | null = null;

  /** Whole seconds left, or null before the first sync. */
  readonly remainingSeconds = computed(() => {
    const deadline = this.deadline();
    return deadline === null ? null : Math.max(0, Math.ceil((deadline - this.now()) / 1000));
  });

  /** Takes the server's remaining seconds as the new truth and keeps ticking from there. */
  sync(remainingSeconds: number): void {
    const now = Date.now();
    this.now.set(now);
    this.deadline.set(now + remainingSeconds * 1000);
    this.ticker ??= setInterval(() => this.now.set(Date.now()), 1000);
  }

  stop(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
