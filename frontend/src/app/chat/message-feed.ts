import { computed, signal } from '@angular/core';
import type { ChatSide, MessageReceiptEvent, MessageReceiptKind, MessageView } from '@invigil/contracts';
import { lastSeq, mergeMessages, receivesMessage } from '@invigil/domain';
import type { ChatApi } from './chat-api';

export interface MessageFeedOptions {
  api: ChatApi;
  sessionId: string;
  /** The signed-in user. */
  me: string;
  side: ChatSide;
  /** Staff: one candidate's thread only. */
  candidate?: string;
  onError: (error: unknown) => void;
}

/**
 * One page's copy of the session's messages. A push only says "something new": the feed then asks
 * for everything after the last message it holds, so a reconnect, a reload and a burst of pushes
 * all end with each message once, in the server's order. It reports what reached it (delivered)
 * and what was shown (read), each once.
 */
export class MessageFeed {
  private readonly list = signal<MessageView[]>([]);
  /** `messageId:receipt` pairs this user has reported (or the server says they had). */
  private readonly reported = signal<ReadonlySet<string>>(new Set());
  private fetching: Promise<void> | null = null;
  private again = false;

  readonly messages = this.list.asReadonly();
  /** Messages to this user (not written by them) not read yet. */
  readonly unread = computed(() => this.list().filter((m) => this.receives(m) && !this.hasReported(m.id, 'read')));

  constructor(private readonly options: MessageFeedOptions) {}

  /** Fetches what was missed; calls made meanwhile are folded into one more fetch. */
  catchUp(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return this.fetching;
    }
    this.fetching = this.fetchUntilCurrent().finally(() => (this.fetching = null));
    return this.fetching;
  }

  /** Marks messages read (and so delivered) on the server, once each. */
  async markRead(messages: readonly MessageView[]): Promise<void> {
    await this.report(messages, 'read');
  }

  /** A receipt pushed by the server: shown on its message without a fetch. */
  applyReceipt(event: MessageReceiptEvent): void {
    const { messageId, userId, receipt, at } = event;
    this.list.update((list) =>
      list.map((m) =>
        m.id !== messageId || m.receipts.some((r) => r.userId === userId && r.receipt === receipt)
          ? m
          : { ...m, receipts: [...m.receipts, { userId, receipt, at }] },
      ),
    );
  }

  /** A message this page just sent: shown at once, the next catch-up brings nothing twice. */
  add(messages: readonly MessageView[]): void {
    this.list.update((list) => mergeMessages(list, messages));
  }

  private async fetchUntilCurrent(): Promise<void> {
    const { api, sessionId, candidate } = this.options;
    do {
      this.again = false;
      try {
        const missed = await api.list(sessionId, { after: lastSeq(this.list()), candidate });
        for (const m of missed)
          for (const r of m.receipts) if (r.userId === this.options.me) this.noteReported(m.id, r.receipt);
        this.list.update((list) => mergeMessages(list, missed));
        await this.report(missed, 'delivered');
      } catch (error) {
        this.options.onError(error);
        return;
      }
    } while (this.again);
  }

  private async report(messages: readonly MessageView[], receipt: MessageReceiptKind): Promise<void> {
    const due = messages.filter((m) => this.receives(m) && !this.hasReported(m.id, receipt));
    if (due.length === 0) return;
    for (const m of due) this.noteReported(m.id, receipt);
    try {
      await this.options.api.receipts(
        this.options.sessionId,
        due.map((m) => m.id),
        receipt,
      );
    } catch (error) {
      // Not recorded: the next chance (another catch-up, the next showing) reports it again.
      this.reported.update((set) => new Set([...set].filter((key) => !due.some((m) => key === `${m.id}:${receipt}`))));
      this.options.onError(error);
    }
  }

  private receives(message: MessageView): boolean {
    return receivesMessage(message, { userId: this.options.me, side: this.options.side });
  }

  private hasReported(messageId: string, receipt: MessageReceiptKind): boolean {
    return this.reported().has(`${messageId}:${receipt}`);
  }

  private noteReported(messageId: string, receipt: MessageReceiptKind): void {
    const keys = receipt === 'read' ? [`${messageId}:read`, `${messageId}:delivered`] : [`${messageId}:delivered`];
    this.reported.update((set) => new Set([...set, ...keys]));
  }
}
