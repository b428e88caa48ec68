import { computed, signal } from '@angular/core';

/**
 * Counts the time left down locally between server refreshes. Display only: the server decides when
 * time is up. Keeps a deadline rather than decrementing, so a throttled background tab stays right.
 */
export class Countdown {
  private readonly deadline = signal<number | null>(null);
  /** Set while the clock is stopped (a pause): the server's figure, shown as it is. */
  private readonly frozen = signal<number | null>(null);
  private readonly now = signal(Date.now());
  private ticker: ReturnType<typeof setInterval> | null = null;

  /** Whole seconds left, or null before the first sync. */
  readonly remainingSeconds = computed(() => {
    const frozen = this.frozen();
    if (frozen !== null) return Math.max(0, frozen);
    const deadline = this.deadline();
    return deadline === null ? null : Math.max(0, Math.ceil((deadline - this.now()) / 1000));
  });

  /** Takes the server's remaining seconds as the new truth; keeps ticking from there unless stopped. */
  sync(remainingSeconds: number, running = true): void {
    const now = Date.now();
    this.now.set(now);
    this.deadline.set(now + remainingSeconds * 1000);
    if (!running) {
      this.frozen.set(remainingSeconds);
      this.stop();
      return;
    }
    this.frozen.set(null);
    this.ticker ??= setInterval(() => this.now.set(Date.now()), 1000);
  }

  stop(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
