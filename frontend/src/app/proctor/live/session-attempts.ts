import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { merge } from 'rxjs';
import { AttemptSummaryView, Events } from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import { AttemptsApi } from './attempts-api';
import { TimedAttempt, timedAttempts } from './attempt-clock';

/** Events after which the attempts' clocks or connections read differently. */
const ATTEMPT_EVENTS = [
  Events.attemptPaused,
  Events.attemptResumed,
  Events.attemptExtended,
  Events.attemptDisconnected,
  Events.attemptReconnected,
  Events.attemptSubmitted,
  Events.attemptReopened,
  Events.attemptTimeCredited,
  Events.attemptViewReleased,
  Events.sessionStarted,
  Events.sessionPaused,
  Events.sessionResumed,
  Events.sessionEnded,
] as const;

/** The attempts of one session for the proctor's roster: reloaded on the events that change them. */
@Injectable()
export class SessionAttempts {
  private readonly api = inject(AttemptsApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);
  private sessionId = '';
  private loading = false;
  private again = false;

  readonly byUser = signal<ReadonlyMap<string, TimedAttempt>>(new Map());
  /** One clock for every row, ticking once a second. */
  readonly now = signal(Date.now());

  follow(sessionId: string): void {
    this.sessionId = sessionId;
    merge(...ATTEMPT_EVENTS.map((subject) => this.socket.on(subject, sessionId)))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.reload());
    const ticker = setInterval(() => this.now.set(Date.now()), 1000);
    this.destroyRef.onDestroy(() => clearInterval(ticker));
  }

  /** Reloads the list; a request while one is running is folded into one more after it. */
  async reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      this.byUser.set(timedAttempts(await this.api.list(this.sessionId)));
    } catch {
      // The roster still shows everything else; the next event or reconnect loads the clocks again.
    } finally {
      this.loading = false;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    }
  }

  /** A proctor action answered with the attempt's new state. */
  update(summary: AttemptSummaryView): void {
    this.byUser.update((map) => new Map(map).set(summary.userId, { summary, receivedAt: Date.now() }));
  }
}
