import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { merge } from 'rxjs';
import { Events, LiveParticipantView, MESSAGE_MAX_LENGTH, MessageView, ParticipantStatus } from '@invigil/contracts';
import { AuthStore } from '../../auth/auth-store';
import { ChatApi } from '../../chat/chat-api';
import { MessageFeed } from '../../chat/message-feed';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { participantStatusLabel } from '../../shared/status-labels';
import { broadcastReceiptCounts } from '../chat/thread-receipts';
import { BroadcastAudience, broadcastRecipients } from './broadcast-audience';

type Mode = BroadcastAudience['mode'];

/** Sends one message to every candidate, to the ones ticked, or to those with a status; shows who has read it. */
@Component({
  selector: 'app-broadcast-form',
  imports: [DatePipe, FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './broadcast-form.html',
})
export class BroadcastForm implements OnInit {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);

  readonly sessionId = input.required<string>();
  readonly participants = input<LiveParticipantView[]>([]);
  readonly sent = output<MessageView>();

  protected readonly body = signal('');
  protected readonly mode = signal<Mode>('everyone');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly status = signal<ParticipantStatus>(ParticipantStatus.InSession);
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly statuses = Object.values(ParticipantStatus);
  protected readonly statusLabel = participantStatusLabel;
  private readonly feed = signal<MessageFeed | null>(null);
  /** The newest broadcasts first, with their reach. */
  protected readonly history = computed(() =>
    (this.feed()?.messages() ?? [])
      .filter((m) => m.kind === 'broadcast')
      .slice(-10)
      .reverse()
      .map((message) => ({ message, counts: broadcastReceiptCounts(message, this.participants().length) })),
  );

  ngOnInit(): void {
    const sessionId = this.sessionId();
    const feed = new MessageFeed({
      api: this.api,
      sessionId,
      me: this.auth.user()?.id ?? '',
      side: 'staff',
      onError: () => undefined,
    });
    this.feed.set(feed);
    merge(this.socket.watchSession(sessionId), this.socket.on(Events.messageSent, sessionId))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void feed.catchUp());
    this.socket
      .on(Events.messageReceipt, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => feed.applyReceipt(data));
    void feed.catchUp();
  }

  protected toggle(userId: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  protected async send(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const recipients = broadcastRecipients(this.audience(), this.participants());
    if (!recipients.ok) {
      this.error.set({ message: recipients.reason, details: [] });
      return;
    }
    this.busy.set(true);
    try {
      const message = await this.api.broadcast(this.sessionId(), {
        body: this.body(),
        ...(recipients.recipientUserIds ? { recipientUserIds: recipients.recipientUserIds } : {}),
      });
      this.feed()?.add([message]);
      this.sent.emit(message);
      this.body.set('');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private audience(): BroadcastAudience {
    const mode = this.mode();
    if (mode === 'selected') return { mode, userIds: this.selected() };
    if (mode === 'status') return { mode, status: this.status() };
    return { mode: 'everyone' };
  }
}
