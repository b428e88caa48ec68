import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MESSAGE_MAX_LENGTH, MessageView } from '@invigil/contracts';
import { Seen } from '../../chat/seen';
import { FormError } from '../../shared/form-error';
import { CandidateChat } from './candidate-chat';

/**
 * The candidate's messages, on the waiting room and the exam alike: a banner for what is new (it
 * never takes focus from the question), the history (a polite live region), "Ask the proctor" and
 * a raise-hand button. Text is interpolated, so it is always shown as text, never as HTML.
 */
@Component({
  selector: 'app-ask-proctor',
  imports: [DatePipe, FormsModule, FormError, Seen],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chat.banner(); as newest) {
      <div class="message-banner" data-testid="message-banner">
        <p>
          <strong>{{ unreadLabel() }}</strong>
          <span class="muted">{{ newest.senderName }}:</span>
          <span data-testid="message-banner-text">{{ newest.body }}</span>
        </p>
        <button type="button" (click)="acknowledge()" data-testid="message-banner-dismiss">Mark as read</button>
      </div>
    }
    <section class="card" aria-labelledby="messages-heading" data-testid="ask-proctor">
      <h2 id="messages-heading">
        Messages
        @if (chat.unread().length) {
          <span class="badge" data-testid="messages-unread">{{ chat.unread().length }} unread</span>
        }
      </h2>
      <ul class="messages" data-testid="exam-messages" aria-live="polite">
        @for (message of chat.messages(); track message.id) {
          <li data-testid="exam-message" [attr.data-message-id]="message.id" (appSeen)="chat.read([message])">
            <span class="muted">
              <time [attr.datetime]="message.sentAt">{{ message.sentAt | date: 'HH:mm' }}</time>
              {{ mine(message) ? 'You' : message.senderName }}:
            </span>
            <span data-testid="exam-message-body">{{ message.body }}</span>
            @if (mine(message)) {
              <span class="muted" data-testid="exam-message-receipt">· {{ receipt(message) }}</span>
            }
          </li>
        } @empty {
          <li class="muted">No messages yet.</li>
        }
      </ul>
      <form (ngSubmit)="send()" novalidate>
        <div class="field">
          <label for="ask-input">Ask the proctor</label>
          <textarea
            id="ask-input"
            name="body"
            rows="2"
            [maxlength]="maxLength"
            [(ngModel)]="body"
            data-testid="ask-input"
          ></textarea>
        </div>
        <app-form-error [error]="chat.error()" testId="ask-error" />
        <div class="actions">
          <button type="submit" [disabled]="chat.sending()" data-testid="ask-send">
            {{ chat.sending() ? 'Sending…' : 'Send to proctor' }}
          </button>
          <button
            type="button"
            [attr.aria-pressed]="chat.handRaised()"
            (click)="chat.toggleHand()"
            data-testid="raise-hand"
          >
            {{ chat.handRaised() ? 'Lower hand' : 'Raise hand' }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class AskProctor {
  protected readonly chat = inject(CandidateChat);
  protected readonly body = signal('');
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly unreadLabel = computed(() => {
    const count = this.chat.unread().length;
    return count === 1 ? 'New message' : `${count} new messages`;
  });

  protected mine(message: MessageView): boolean {
    return message.senderRole === 'candidate';
  }

  protected receipt(message: MessageView): string {
    if (message.receipts.some((r) => r.receipt === 'read')) return 'Read by the proctor';
    return message.receipts.some((r) => r.receipt === 'delivered') ? 'Delivered' : 'Sent';
  }

  /** The banner was read: everything it stood for is. */
  protected acknowledge(): void {
    this.chat.read(this.chat.unread());
  }

  protected async send(): Promise<void> {
    if (await this.chat.ask(this.body())) this.body.set('');
  }
}
