import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MessageView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { LiveSessionApi } from './live-session-api';

/** Sends one message to every candidate in the session. */
@Component({
  selector: 'app-broadcast-form',
  imports: [FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (ngSubmit)="send()" novalidate>
      <div class="field">
        <label for="broadcast-input">Message to all candidates</label>
        <input id="broadcast-input" type="text" name="body" [(ngModel)]="body" data-testid="broadcast-input" />
      </div>
      <app-form-error [error]="error()" />
      <button type="submit" [disabled]="busy()" data-testid="broadcast-send">{{ busy() ? 'Sending…' : 'Send' }}</button>
    </form>
  `,
})
export class BroadcastForm {
  private readonly api = inject(LiveSessionApi);

  readonly sessionId = input.required<string>();
  readonly sent = output<MessageView>();

  protected readonly body = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);

  protected async send(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.sent.emit(await this.api.broadcast(this.sessionId(), { body: this.body() }));
      this.body.set('');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
