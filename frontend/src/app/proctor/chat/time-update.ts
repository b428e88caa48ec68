import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AttemptStatus } from '@invigil/contracts';
import { timeWarningText } from '@invigil/domain';
import { ChatApi } from '../../chat/chat-api';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { remainingNow, TimedAttempt } from '../live/attempt-clock';

/**
 * Who hears which time: each running candidate their own remaining minutes (rounded down, at
 * least 1), grouped so one request goes per distinct text.
 */
export function timeUpdates(attempts: Iterable<[string, TimedAttempt]>, now: number): Map<string, string[]> {
  const byText = new Map<string, string[]>();
  for (const [userId, attempt] of attempts) {
    if (attempt.summary.status !== AttemptStatus.InProgress) continue;
    const seconds = remainingNow(attempt, now);
    if (seconds <= 0) continue;
    const text = timeWarningText(Math.max(1, Math.floor(seconds / 60)));
    byText.set(text, [...(byText.get(text) ?? []), userId]);
  }
  return byText;
}

/** One click: every candidate still writing gets a private message with their own remaining time. */
@Component({
  selector: 'app-time-update',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" (click)="send()" [disabled]="busy()" data-testid="time-update-send">
      {{ busy() ? 'Sending…' : 'Broadcast time update' }}
    </button>
    @if (result(); as text) {
      <p class="muted" role="status" data-testid="time-update-result">{{ text }}</p>
    }
    <app-form-error [error]="error()" testId="time-update-error" />
  `,
})
export class TimeUpdate {
  private readonly api = inject(ChatApi);

  readonly sessionId = input.required<string>();
  readonly attempts = input<ReadonlyMap<string, TimedAttempt>>(new Map());
  readonly now = input(0);

  protected readonly busy = signal(false);
  protected readonly result = signal<string | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);

  protected async send(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      const updates = timeUpdates(this.attempts(), this.now() || Date.now());
      let sent = 0;
      for (const [text, userIds] of updates) {
        sent += (await this.api.sendPrivate(this.sessionId(), userIds, text)).length;
      }
      this.result.set(
        sent ? `Sent each of ${sent} candidates their remaining time.` : 'Nobody is writing the exam right now.',
      );
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
