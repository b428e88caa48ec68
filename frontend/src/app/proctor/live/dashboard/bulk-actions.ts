import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { BulkAttemptAction, BulkAttemptResult } from '@invigil/contracts';
import { FormError } from '../../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../../shared/http-error';
import { AttemptsApi } from '../attempts-api';

const ACTION_LABELS: Record<BulkAttemptAction, string> = { pause: 'Pause', resume: 'Resume', extend: 'Extend' };

/**
 * Pause, resume or extend the selected candidates at once, then say for each what happened and why
 * anything was refused. Messaging the selection is BulkMessage, beside it.
 */
@Component({
  selector: 'app-bulk-actions',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bulk-actions" role="group" aria-label="Actions on the selected candidates">
      <span data-testid="bulk-selected-count">{{ userIds().length }} selected</span>
      <button type="button" (click)="run('pause')" [disabled]="!ready()" data-testid="bulk-pause">Pause</button>
      <button type="button" (click)="run('resume')" [disabled]="!ready()" data-testid="bulk-resume">Resume</button>
      <label for="bulk-minutes">Minutes</label>
      <input
        id="bulk-minutes"
        type="number"
        min="1"
        max="600"
        step="1"
        class="minutes"
        [value]="minutes()"
        (input)="minutes.set($any($event.target).valueAsNumber)"
        data-testid="bulk-minutes"
      />
      <button type="button" (click)="run('extend')" [disabled]="!ready() || !validMinutes()" data-testid="bulk-extend">
        Extend
      </button>
      <label for="bulk-reason">Reason (kept in the record)</label>
      <input
        id="bulk-reason"
        type="text"
        maxlength="500"
        class="reason"
        placeholder="optional, e.g. network outage in room 2"
        [value]="reason()"
        (input)="reason.set($any($event.target).value)"
        data-testid="bulk-reason"
      />
      @if (busy()) {
        <span role="status">Working…</span>
      }
    </div>
    <app-form-error [error]="error()" />
    @if (result(); as done) {
      <section class="bulk-outcomes" aria-labelledby="bulk-outcomes-heading" data-testid="bulk-outcomes">
        <h3 id="bulk-outcomes-heading" role="status" data-testid="bulk-summary">
          {{ label(done.action) }}: {{ done.done }} done, {{ done.refused }} refused
        </h3>
        <ul>
          @for (outcome of done.outcomes; track outcome.userId) {
            <li [attr.data-testid]="'bulk-outcome-' + outcome.userId" [attr.data-ok]="outcome.ok">
              <strong>{{ outcome.displayName ?? outcome.userId }}</strong>
              — {{ outcome.ok ? 'Done' : 'Refused' }}: {{ outcome.message }}
            </li>
          }
        </ul>
        <button type="button" (click)="result.set(null)">Dismiss</button>
      </section>
    }
  `,
})
export class BulkActions {
  private readonly api = inject(AttemptsApi);

  readonly sessionId = input.required<string>();
  readonly userIds = input.required<string[]>();
  readonly finished = output<BulkAttemptResult>();

  protected readonly minutes = signal(5);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly result = signal<BulkAttemptResult | null>(null);
  protected readonly ready = computed(() => !this.busy() && this.userIds().length > 0);
  protected readonly validMinutes = computed(
    () => Number.isInteger(this.minutes()) && this.minutes() >= 1 && this.minutes() <= 600,
  );
  protected readonly label = (action: BulkAttemptAction) => ACTION_LABELS[action];

  protected async run(action: BulkAttemptAction): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const reason = this.reason().trim();
      const body = {
        action,
        userIds: this.userIds(),
        ...(action === 'extend' ? { minutes: this.minutes() } : {}),
        ...(reason ? { reason } : {}),
      };
      const result = await this.api.bulk(this.sessionId(), body);
      this.result.set(result);
      this.finished.emit(result);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
