import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, merge } from 'rxjs';
import { Events, MessageView } from '@invigil/contracts';
import { AuthStore } from '../../auth/auth-store';
import { ChatApi } from '../../chat/chat-api';
import { MessageFeed } from '../../chat/message-feed';
import { SocketService } from '../../realtime/socket-service';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';

/**
 * The candidate's side of the session's messages: what the proctor sent them or everyone, their
 * own questions, their raised hand. Caught up on every (re)connect and on every push.
 */
@Injectable()
export class CandidateChat {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly feed = signal<MessageFeed | null>(null);
  private sessionId = '';

  readonly messages = computed(() => this.feed()?.messages() ?? []);
  readonly unread = computed(() => this.feed()?.unread() ?? []);
  /** The newest message not read yet: the banner shows it until it is read. */
  readonly banner = computed(() => this.unread().at(-1) ?? null);
  readonly handRaised = signal(false);
  readonly sending = signal(false);
  readonly error = signal<DisplayedError | null>(null);

  start(sessionId: string): void {
    const me = this.auth.user()?.id;
    if (!me) return;
    this.sessionId = sessionId;
    const feed = new MessageFeed({
      api: this.api,
      sessionId,
      me,
      side: 'candidate',
      onError: (error) => this.error.set(toDisplayedError(error)),
    });
    this.feed.set(feed);
    // Every confirmed watch (the first and after each reconnect) and every push: fetch what was missed.
    merge(this.socket.watchSession(sessionId), this.socket.on(Events.messageSent, sessionId))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void feed.catchUp());
    this.socket
      .on(Events.messageReceipt, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => feed.applyReceipt(data));
    this.socket
      .on(Events.handRaised, sessionId)
      .pipe(
        filter(({ data }) => data.userId === me),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ data }) => this.handRaised.set(data.raised));
    void feed.catchUp();
    void this.loadHand();
  }

  /** Shown to the candidate (in view, or the banner acknowledged): read. */
  read(messages: readonly MessageView[]): void {
    void this.feed()?.markRead(messages);
  }

  async ask(body: string): Promise<boolean> {
    const feed = this.feed();
    if (!feed || this.sending()) return false;
    this.sending.set(true);
    this.error.set(null);
    try {
      feed.add([await this.api.writeToStaff(this.sessionId, body)]);
      return true;
    } catch (error) {
      this.error.set(toDisplayedError(error));
      return false;
    } finally {
      this.sending.set(false);
    }
  }

  async toggleHand(): Promise<void> {
    this.error.set(null);
    try {
      this.handRaised.set((await this.api.setMyHand(this.sessionId, !this.handRaised())).raised);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  private async loadHand(): Promise<void> {
    try {
      const [mine] = await this.api.hands(this.sessionId);
      this.handRaised.set(mine?.raised ?? false);
    } catch {
      // Not worth an error on the exam page: the button still works, and says so if it does not.
    }
  }
}
