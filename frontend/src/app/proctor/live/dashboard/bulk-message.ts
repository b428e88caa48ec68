import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MESSAGE_MAX_LENGTH } from '@invigil/contracts';
import { ChatApi } from '../../../chat/chat-api';
import { FormError } from '../../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../../shared/http-error';

/**
 * Writes one private message to each selected candidate (into their own thread, where their
 * receipts show). The server refuses the whole selection when anyone in it is not on the roster, so
 * nothing is sent to only part of it.
 */
@Component({
  selector: 'app-bulk-message',
  imports: [FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="bulk-actions" (ngSubmit)="send()" aria-label="Message the selected candidates">
      <label for="bulk-message-text">Message to the selected</label>
      <input
        id="bulk-message-text"
        name="bulkMessage"
        [maxlength]="maxLength"
        [ngModel]="text()"
        (ngModelChange)="text.set($event)"
        data-testid="bulk-message-text"
      />
      <button type="submit" [disabled]="!ready()" data-testid="bulk-message-send">Message</button>
      @if (sent(); as count) {
        <span role="status" data-testid="bulk-message-sent"
          >Sent to {{ count }} candidate{{ count === 1 ? '' : 's' }}</span
        >
      }
    </form>
    <app-form-error [error]="error()" testId="bulk-message-error" />
  `,
})
export class BulkMessage {
  private readonly chat = inject(ChatApi);

  readonly sessionId = input.required<string>();
  readonly userIds = input.required<string[]>();

  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly text = signal('');
  protected readonly busy = signal(false);
  protected readonly sent = signal<number | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly ready = computed(() => !this.busy() && this.userIds().length > 0 && this.text().trim() !== '');

  protected async send(): Promise<void> {
    if (!this.ready()) return;
    this.busy.set(true);
    this.error.set(null);
    this.sent.set(null);
    try {
      const messages = await this.chat.sendPrivate(this.sessionId(), this.userIds(), this.text().trim());
      this.sent.set(messages.length);
      this.text.set('');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
