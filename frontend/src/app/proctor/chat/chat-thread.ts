import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Subscription, filter, merge } from 'rxjs';
import { Events, MESSAGE_MAX_LENGTH, MessageView } from '@invigil/contracts';
import { canSeeMessage } from '@invigil/domain';
import { AuthStore } from '../../auth/auth-store';
import { ChatApi } from '../../chat/chat-api';
import { MessageFeed } from '../../chat/message-feed';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { threadReceiptLabel } from './thread-receipts';

/**
 * One candidate's thread as the session's staff see it (every proctor of the session sees the
 * same): their questions, the staff's replies and what was broadcast to them, each with its
 * receipts; a reply box; the candidate's raised hand. Self-contained: give it a session and a candidate.
 */
@Component({
  selector: 'app-chat-thread',
  imports: [DatePipe, FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="chat-thread"
      [attr.aria-label]="'Messages with ' + (name() || 'the candidate')"
      data-testid="chat-thread"
    >
      @if (handRaised()) {
        <p class="notice" data-testid="chat-thread-hand">
          {{ name() || 'The candidate' }} raised their hand.
          <button type="button" (click)="lowerHand()" data-testid="chat-thread-lower-hand">Lower hand</button>
        </p>
      }
      <ul class="messages" data-testid="chat-thread-messages" aria-live="polite">
        @for (message of messages(); track message.id) {
          <li data-testid="chat-thread-message" [attr.data-message-id]="message.id">
            <span class="muted">
              <time [attr.datetime]="message.sentAt">{{ message.sentAt | date: 'HH:mm' }}</time>
              {{ message.senderName }}{{ message.kind === 'broadcast' ? ' (broadcast)' : '' }}:
            </span>
            <span data-testid="chat-thread-message-body">{{ message.body }}</span>
            @if (message.kind !== 'system') {
              <span class="muted receipt" data-testid="chat-thread-receipt">· {{ receipt(message) }}</span>
            }
          </li>
        } @empty {
          <li class="muted">No messages with {{ name() || 'this candidate' }} yet.</li>
        }
      </ul>
      <form (ngSubmit)="send()" novalidate>
        <div class="field">
          <label [attr.for]="inputId()">Message to {{ name() || 'the candidate' }}</label>
          <textarea
            [id]="inputId()"
            name="body"
            rows="2"
            [maxlength]="maxLength"
            [(ngModel)]="body"
            data-testid="chat-thread-input"
          ></textarea>
        </div>
        <app-form-error [error]="error()" testId="chat-thread-error" />
        <button type="submit" [disabled]="sending()" data-testid="chat-thread-send">
          {{ sending() ? 'Sending…' : 'Send' }}
        </button>
      </form>
    </section>
  `,
})
export class ChatThread {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);

  readonly sessionId = input.required<string>();
  /** The candidate whose thread this is. */
  readonly userId = input.required<string>();
  readonly name = input('');

  private readonly feed = signal<MessageFeed | null>(null);
  protected readonly messages = computed(() => this.feed()?.messages() ?? []);
  protected readonly handRaised = signal(false);
  protected readonly body = signal('');
  protected readonly sending = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly inputId = computed(() => `chat-thread-input-${this.userId()}`);

  constructor() {
    let following: Subscription | null = null;
    effect(() => {
      const sessionId = this.sessionId();
      const userId = this.userId();
      untracked(() => {
        following?.unsubscribe();
        following = this.follow(sessionId, userId);
      });
    });
    inject(DestroyRef).onDestroy(() => following?.unsubscribe());
    // Shown here is read: what the candidate wrote counts as read by staff once the thread shows it.
    effect(() => {
      const feed = this.feed();
      const messages = feed?.messages() ?? [];
      if (feed) untracked(() => void feed.markRead(messages));
    });
  }

  protected receipt(message: MessageView): string {
    return threadReceiptLabel(message, this.userId());
  }

  protected async send(): Promise<void> {
    const feed = this.feed();
    if (!feed || this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    try {
      feed.add(await this.api.sendPrivate(this.sessionId(), [this.userId()], this.body()));
      this.body.set('');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.sending.set(false);
    }
  }

  protected async lowerHand(): Promise<void> {
    try {
      this.handRaised.set((await this.api.lowerHand(this.sessionId(), this.userId())).raised);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  private follow(sessionId: string, userId: string): Subscription {
    const me = this.auth.user()?.id ?? '';
    const feed = new MessageFeed({
      api: this.api,
      sessionId,
      me,
      side: 'staff',
      candidate: userId,
      onError: (error) => this.error.set(toDisplayedError(error)),
    });
    this.feed.set(feed);
    this.handRaised.set(false);
    const inThread = ({ data }: { data: { kind: string; toUserId?: string; recipientUserIds?: string[] } }) =>
      data.kind === 'private'
        ? data.toUserId === userId
        : canSeeMessage(
            {
              ...data,
              kind: 'broadcast',
              senderId: null,
              toUserId: null,
              recipientUserIds: data.recipientUserIds ?? null,
            },
            { userId, side: 'candidate' },
          );
    const subscription = merge(
      this.socket.watchSession(sessionId),
      this.socket.on(Events.messageSent, sessionId).pipe(filter(inThread)),
    ).subscribe(() => void feed.catchUp());
    subscription.add(this.socket.on(Events.messageReceipt, sessionId).subscribe(({ data }) => feed.applyReceipt(data)));
    subscription.add(
      this.socket
        .on(Events.handRaised, sessionId)
        .pipe(filter(({ data }) => data.userId === userId))
        .subscribe(({ data }) => this.handRaised.set(data.raised)),
    );
    void feed.catchUp();
    void this.api.hands(sessionId).then(
      (hands) => this.handRaised.set(hands.some((hand) => hand.userId === userId && hand.raised)),
      () => undefined,
    );
    return subscription;
  }
}
