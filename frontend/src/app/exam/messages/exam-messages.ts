import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MessageView } from '@invigil/contracts';

@Component({
  selector: 'app-exam-messages',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages from your proctor</h2>
      <ul class="messages" data-testid="exam-messages" aria-live="polite">
        @for (message of messages(); track message.id) {
          <li>
            <span class="muted">
              <time [attr.datetime]="message.sentAt">{{ message.sentAt | date: 'HH:mm' }}</time>
              {{ message.senderName }}:
            </span>
            {{ message.body }}
          </li>
        } @empty {
          <li class="muted">No messages yet.</li>
        }
      </ul>
    </section>
  `,
})
export class ExamMessages {
  readonly messages = input.required<MessageView[]>();
}
