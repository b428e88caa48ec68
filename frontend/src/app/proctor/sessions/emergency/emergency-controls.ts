import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SessionStatus, SessionView } from '@invigil/contracts';
import { DEFAULT_END_SESSION_GRACE_SECONDS, endSessionGraceSeconds, sessionIsRunning } from '@invigil/domain';
import { FormError } from '../../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../../shared/http-error';
import { SessionsApi } from '../sessions-api';
import { localInputToIso } from './local-time';

type Dialog = 'pause' | 'reschedule' | 'end' | null;

/**
 * The emergency procedures of a running session: pause all (reason and message), reschedule while
 * running (new start, reason, message) and End Session (confirmation naming who is still writing,
 * then the grace). Each opens its own dialog; nothing happens until the proctor confirms.
 */
@Component({
  selector: 'app-emergency-controls',
  imports: [FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './emergency-controls.html',
})
export class EmergencyControls {
  private readonly api = inject(SessionsApi);

  readonly session = input.required<SessionView>();
  /** Candidates whose attempt is open and running: End Session's grace is for them. */
  readonly writing = input.required<number>();
  readonly changed = output<SessionView>();

  protected readonly dialog = signal<Dialog>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly reason = signal('');
  protected readonly message = signal('');
  protected readonly startsAtLocal = signal('');

  private readonly ending = computed(() => this.session().graceEndsAt !== null);
  protected readonly canPause = computed(() => this.session().status === SessionStatus.InProgress && !this.ending());
  protected readonly canReschedule = computed(() => sessionIsRunning(this.session().status) && !this.ending());
  protected readonly canEnd = computed(() => sessionIsRunning(this.session().status) && !this.ending());
  protected readonly graceSeconds = computed(() =>
    endSessionGraceSeconds(this.session().gracePeriodSeconds, DEFAULT_END_SESSION_GRACE_SECONDS),
  );

  protected open(dialog: Exclude<Dialog, null>): void {
    this.reason.set('');
    this.message.set('');
    this.startsAtLocal.set('');
    this.error.set(null);
    this.dialog.set(dialog);
  }

  protected close(): void {
    this.dialog.set(null);
    this.error.set(null);
  }

  protected pause(): Promise<void> {
    return this.run(() => this.api.pause(this.session().id, { reason: this.reason(), ...this.optionalMessage() }));
  }

  protected reschedule(): Promise<void> {
    const startsAt = localInputToIso(this.startsAtLocal());
    if (!startsAt) {
      this.error.set({ message: 'Choose the new start date and time.', details: [] });
      return Promise.resolve();
    }
    return this.run(() =>
      this.api.rescheduleLive(this.session().id, { startsAt, reason: this.reason(), ...this.optionalMessage() }),
    );
  }

  protected end(): Promise<void> {
    return this.run(() => this.api.command(this.session().id, 'end'));
  }

  private optionalMessage(): { message?: string } {
    const message = this.message().trim();
    return message ? { message } : {};
  }

  private async run(call: () => Promise<SessionView>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await call());
      this.dialog.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
