import { computed, signal } from '@angular/core';
import { Countdown } from './countdown';
import { nextTimeWarning } from './time-warnings';

export type PausedBy = 'proctor' | 'session';

/**
 * The exam's clock as the server tells it: remaining time (counted down locally between updates),
 * paused or not, over or not. The page never decides the time is up by itself; it only shows 00:00
 * and stops input until the server's verdict arrives.
 */
export class ExamClock {
  readonly countdown = new Countdown();
  private readonly pausedBy = signal<PausedBy | null>(null);
  private readonly serverTimeOver = signal(false);
  private warned: readonly number[] = [];

  readonly remainingSeconds = this.countdown.remainingSeconds;
  readonly paused = computed(() => this.pausedBy() !== null);
  readonly pausedReason = this.pausedBy.asReadonly();
  /** Over when the server says so, or when the displayed clock ran out while running. */
  readonly timeOver = computed(() => this.serverTimeOver() || (!this.paused() && this.remainingSeconds() === 0));

  /** Every server reading: a GET, an attach, or a pause / resume / extend event. */
  sync(reading: { remainingSeconds: number; paused: boolean; pausedBy?: PausedBy | null; timeOver?: boolean }): void {
    this.pausedBy.set(reading.paused ? (reading.pausedBy ?? 'proctor') : null);
    if (reading.timeOver !== undefined) this.serverTimeOver.set(reading.timeOver);
    else if (reading.remainingSeconds > 0) this.serverTimeOver.set(false);
    this.countdown.sync(reading.remainingSeconds, !reading.paused);
  }

  /** The server refused a save because the time is over. */
  markTimeOver(): void {
    this.serverTimeOver.set(true);
  }

  /** A time warning to announce for the current reading, once per threshold; null otherwise. */
  warning(): string | null {
    const seconds = this.remainingSeconds();
    if (seconds === null || this.paused()) return null;
    const next = nextTimeWarning(seconds, this.warned);
    this.warned = next.announced;
    return next.message;
  }

  stop(): void {
    this.countdown.stop();
  }
}
