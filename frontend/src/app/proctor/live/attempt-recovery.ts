import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { AttemptSummaryView, ReopenAttemptBody } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { describeDisconnected } from './attempt-clock';
import { AttemptsApi } from './attempts-api';
import { ReopenDialog } from './reopen-dialog';

/** One candidate's recovery after a technical problem: reopen, credit the time offline, release a stuck view. */
@Component({
  selector: 'app-attempt-recovery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReopenDialog],
  templateUrl: './attempt-recovery.html',
})
export class AttemptRecovery {
  private readonly api = inject(AttemptsApi);

  readonly sessionId = input.required<string>();
  readonly summary = input.required<AttemptSummaryView>();
  readonly name = input.required<string>();
  readonly changed = output<AttemptSummaryView>();

  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly reopening = signal(false);
  protected readonly submitted = computed(() => this.summary().status === AttemptStatus.Submitted);
  protected readonly creditable = computed(() => describeDisconnected(this.summary().creditableSeconds));

  protected openReopen(): void {
    this.error.set(null);
    this.reopening.set(true);
  }

  protected closeReopen(): void {
    this.error.set(null);
    this.reopening.set(false);
  }

  protected reopen(body: ReopenAttemptBody): Promise<void> {
    return this.run(async (sessionId, userId) => {
      const updated = await this.api.reopen(sessionId, userId, body);
      this.reopening.set(false);
      return updated;
    });
  }

  protected credit(): Promise<void> {
    const seconds = this.summary().creditableSeconds;
    return this.run((sessionId, userId) => this.api.credit(sessionId, userId, { seconds }));
  }

  protected release(): Promise<void> {
    return this.run((sessionId, userId) => this.api.releaseView(sessionId, userId));
  }

  private async run(action: (sessionId: string, userId: string) => Promise<AttemptSummaryView>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await action(this.sessionId(), this.summary().userId));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
