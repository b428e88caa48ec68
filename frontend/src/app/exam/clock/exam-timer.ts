import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { formatRemainingTime } from './remaining-time';

const hiddenKey = 'invigil.exam.timerHidden';

/**
 * The remaining time, which the candidate may hide (some find a running clock stressful). Not a live
 * region: screen readers hear time warnings from the page's announcer, never every second.
 */
@Component({
  selector: 'app-exam-timer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="exam-timer">
      @if (hidden()) {
        <span class="muted">Timer hidden</span>
      } @else {
        Time left <strong data-testid="remaining-time" [attr.data-paused]="paused()">{{ label() }}</strong>
        @if (paused()) {
          <span class="muted">(paused)</span>
        }
      }
      <button type="button" class="link" (click)="toggle()" [attr.aria-pressed]="hidden()" data-testid="toggle-timer">
        {{ hidden() ? 'Show timer' : 'Hide timer' }}
      </button>
    </span>
  `,
})
export class ExamTimer {
  readonly remainingSeconds = input.required<number | null>();
  readonly paused = input(false);

  protected readonly hidden = signal(readHidden());

  protected label(): string {
    const seconds = this.remainingSeconds();
    return seconds === null ? '--:--' : formatRemainingTime(seconds);
  }

  protected toggle(): void {
    this.hidden.update((hidden) => !hidden);
    try {
      localStorage.setItem(hiddenKey, String(this.hidden()));
    } catch {
      // Storage may be off (private mode); the choice then lasts until the page closes.
    }
  }
}

function readHidden(): boolean {
  try {
    return localStorage.getItem(hiddenKey) === 'true';
  } catch {
    return false;
  }
}
