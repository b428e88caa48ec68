import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AttemptStatus, AttemptSummaryView } from '@invigil/contracts';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { AttemptsApi } from './attempts-api';
import { describeDisconnected, describeRemaining, TimedAttempt } from './attempt-clock';

/** One candidate's clock in the roster: remaining and disconnected time, pause, resume and extra minutes. */
@Component({
  selector: 'app-attempt-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let summary = attempt().summary;
    <div class="attempt-controls">
      <span data-testid="participant-remaining">{{ remaining() }}</span>
      <span class="muted" data-testid="participant-disconnected">
        @if (!summary.connected && summary.status === running) {
          <span class="chip" data-status="disconnected">Disconnected</span>
        }
        Offline: {{ disconnected() }}
      </span>
      @if (summary.status === running) {
        <div class="actions" role="group" [attr.aria-label]="'Clock of ' + name()">
          @if (summary.paused) {
            <button type="button" (click)="run('resume')" [disabled]="busy()" data-testid="participant-resume">
              Resume
            </button>
          } @else {
            <button type="button" (click)="run('pause')" [disabled]="busy()" data-testid="participant-pause">
              Pause
            </button>
          }
          <label class="visually-hidden" [for]="minutesId()">Minutes to add for {{ name() }}</label>
          <input
            type="number"
            min="1"
            max="600"
            step="1"
            class="minutes"
            [id]="minutesId()"
            [value]="minutes()"
            (input)="minutes.set($any($event.target).valueAsNumber)"
            data-testid="participant-extend-minutes"
          />
          <button
            type="button"
            (click)="run('extend')"
            [disabled]="busy() || !validMinutes()"
            data-testid="participant-extend"
          >
            Add minutes
          </button>
        </div>
      }
      @if (error(); as shown) {
        <p class="field-error" role="alert">{{ shown.message }}</p>
      }
    </div>
  `,
})
export class AttemptControls {
  private readonly api = inject(AttemptsApi);

  readonly sessionId = input.required<string>();
  readonly attempt = input.required<TimedAttempt>();
  /** The candidate's name, for the labels a screen reader reads in a row of many. */
  readonly name = input.required<string>();
  /** The page's ticking clock, so every row counts down together. */
  readonly now = input.required<number>();
  readonly changed = output<AttemptSummaryView>();

  protected readonly running = AttemptStatus.InProgress;
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly minutes = signal(5);
  protected readonly validMinutes = computed(
    () => Number.isInteger(this.minutes()) && this.minutes() >= 1 && this.minutes() <= 600,
  );
  protected readonly remaining = computed(() => describeRemaining(this.attempt(), this.now()));
  protected readonly disconnected = computed(() => describeDisconnected(this.attempt().summary.disconnectedSeconds));
  protected readonly minutesId = computed(() => `extend-minutes-${this.attempt().summary.userId}`);

  protected async run(action: 'pause' | 'resume' | 'extend'): Promise<void> {
    const { userId } = this.attempt().summary;
    this.busy.set(true);
    this.error.set(null);
    try {
      const sessionId = this.sessionId();
      const updated =
        action === 'extend'
          ? await this.api.extend(sessionId, userId, { minutes: this.minutes() })
          : await this.api[action](sessionId, userId);
      this.changed.emit(updated);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
