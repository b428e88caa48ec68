import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';

/**
 * End Session's grace as the candidate sees it: a countdown to the moment the server submits every
 * open attempt. Display only; the server's ending job decides. The alert is announced once, the
 * ticking timer is not read out every second.
 */
@Component({
  selector: 'app-ending-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="notice" data-testid="ending-countdown">
      <span role="alert">The proctor is ending the session:</span> your answers are submitted in
      <span role="timer" aria-live="off" data-testid="ending-countdown-time">{{ left() }}</span>. You may keep answering
      or submit now.
    </p>
  `,
})
export class EndingCountdown {
  readonly graceEndsAt = input.required<string>();
  private readonly now = signal(Date.now());
  protected readonly left = computed(() => formatGrace((new Date(this.graceEndsAt()).getTime() - this.now()) / 1000));

  constructor() {
    const ticker = setInterval(() => this.now.set(Date.now()), 250);
    inject(DestroyRef).onDestroy(() => clearInterval(ticker));
  }
}

/** "0:45", "1:05", "12:00": whole seconds left as minutes and seconds. */
export function formatGrace(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
