import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AttachAttemptAck,
  AttachAttemptCommand,
  AttemptView,
  SaveAnswerAck,
  SaveAnswerCommand,
  SaveAnswerSocketAck,
  SocketCommands,
} from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import { AttemptCommandRefused } from './attempt-command-error';
import type { PendingSave } from '../saving/save-queue';
import { examViewId } from './view-id';

/**
 * - `connecting`: not attached yet, or the connection dropped (saves wait).
 * - `attached`: this tab is the attempt's live view; saves flow.
 * - `confirm-takeover`: another tab or device is live; the candidate decides.
 * - `taken-over`: another view took the exam over; this one must stop.
 */
export type ViewLinkState = 'connecting' | 'attached' | 'confirm-takeover' | 'taken-over';

const attachTimeoutMs = 10_000;
const saveTimeoutMs = 10_000;
const attachRetryMs = 3_000;

/**
 * This tab's claim on the attempt over the socket: attaches as the live view when the exam opens and
 * after every reconnect (a new connection starts empty), and carries the answer saves.
 */
@Injectable()
export class ExamViewLink {
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);
  private sessionId = '';
  private wanted = false;
  private onAttached: (attempt: AttemptView) => void = () => undefined;
  private onRefused: (error: AttemptCommandRefused) => void = () => undefined;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  readonly viewId = examViewId();
  readonly state = signal<ViewLinkState>('connecting');
  readonly connected = this.socket.connected;

  constructor() {
    this.destroyRef.onDestroy(() => this.clearRetry());
    // A dropped connection detaches this view on the server: saves wait for the next attach.
    effect(() => {
      const connected = this.connected();
      untracked(() => {
        if (!connected && this.state() === 'attached') this.state.set('connecting');
      });
    });
  }

  /** Wires the link to one session; nothing is sent until `attach()`. */
  init(
    sessionId: string,
    handlers: { attached: (attempt: AttemptView) => void; refused: (error: AttemptCommandRefused) => void },
  ): void {
    this.sessionId = sessionId;
    this.onAttached = handlers.attached;
    this.onRefused = handlers.refused;
    this.socket
      .connections()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        if (this.wanted && this.state() !== 'taken-over') void this.send(false);
      });
    this.destroyRef.onDestroy(() => (this.wanted = false));
  }

  /** Claims the attempt (once it exists) and keeps claiming it after every reconnect. */
  attach(): void {
    if (this.wanted) return;
    this.wanted = true;
    if (this.connected()) void this.send(false);
  }

  /** The candidate confirmed continuing here: the other view is closed. */
  takeOver(): void {
    void this.send(true);
  }

  /**
   * The server freed the attempt (the proctor reopened it or released its view): claim it again now,
   * since no other view is live and the page may never reconnect to trigger an attach by itself.
   */
  reclaim(): void {
    this.wanted = true;
    if (this.state() === 'taken-over') this.state.set('connecting');
    if (this.connected()) void this.send(false);
  }

  /** Another view became live (the server said so): this one stops for good. */
  takenOver(): void {
    this.wanted = false;
    this.clearRetry();
    this.state.set('taken-over');
  }

  /** Sends one save; resolves only with the server's acknowledgement (committed in PostgreSQL). */
  async save(save: PendingSave): Promise<SaveAnswerAck> {
    const command: SaveAnswerCommand = { sessionId: this.sessionId, viewId: this.viewId, ...save };
    const ack = await this.socket.request<SaveAnswerSocketAck>(SocketCommands.saveAnswer, command, saveTimeoutMs);
    if (!ack.ok) throw new AttemptCommandRefused(ack);
    return ack;
  }

  private async send(takeover: boolean): Promise<void> {
    this.clearRetry();
    const command: AttachAttemptCommand = { sessionId: this.sessionId, viewId: this.viewId, takeover };
    let ack: AttachAttemptAck;
    try {
      ack = await this.socket.request<AttachAttemptAck>(SocketCommands.attachAttempt, command, attachTimeoutMs);
    } catch {
      // No connection or no answer: the next connect attaches, or this retry does if the socket stayed up.
      this.retryLater();
      return;
    }
    if (this.state() === 'taken-over') return;
    if (!ack.ok) {
      if (ack.status >= 500) this.retryLater();
      else this.onRefused(new AttemptCommandRefused(ack));
      return;
    }
    if (!ack.attached) {
      this.state.set('confirm-takeover');
      return;
    }
    this.state.set('attached');
    this.onAttached(ack.attempt);
  }

  private retryLater(): void {
    if (!this.wanted) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted && this.connected() && this.state() !== 'taken-over') void this.send(false);
    }, attachRetryMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
