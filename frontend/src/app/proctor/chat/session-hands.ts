import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Events } from '@invigil/contracts';
import { ChatApi } from '../../chat/chat-api';
import { SocketService } from '../../realtime/socket-service';

/** The session's raised hands, for the live page: loaded on every (re)connect, then followed live. */
@Injectable()
export class SessionHands {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly byUser = signal<ReadonlyMap<string, boolean>>(new Map());

  /** The user ids with a raised hand. */
  readonly raised = computed(() => new Set([...this.byUser()].filter(([, up]) => up).map(([userId]) => userId)));

  follow(sessionId: string): void {
    this.socket
      .watchSession(sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load(sessionId));
    this.socket
      .on(Events.handRaised, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => this.byUser.update((map) => new Map(map).set(data.userId, data.raised)));
    void this.load(sessionId);
  }

  private async load(sessionId: string): Promise<void> {
    try {
      const hands = await this.api.hands(sessionId);
      this.byUser.update((map) => {
        const next = new Map(map);
        for (const hand of hands) next.set(hand.userId, hand.raised);
        return next;
      });
    } catch {
      // The pushes still arrive; the next reconnect loads them again.
    }
  }
}
