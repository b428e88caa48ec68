import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AttemptStatus, AttemptSummaryView } from '@invigil/contracts';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { AttemptsApi } from './attempts-api';
import { describeDisconnected, describeRemaining, TimedAttempt } from './attempt-clock';
import { AttemptRecovery } from './attempt-recovery';
import { FileIncidentButton } from '../incidents/file-incident-button';

/**
 * One candidate's clock in the roster: remaining and disconnected time, pause, resume and extra
 * minutes, with the recovery controls for a technical problem beside them.
 */
@Component({
  selector: 'app-attempt-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttemptRecovery, FileIncidentButton],
  templateUrl: './attempt-controls.html',
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
