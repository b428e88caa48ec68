import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter } from 'rxjs';
import { Events, IdentityCheckView, IdentityStatus, SubmitIdentityBody } from '@invigil/contracts';
import { AuthStore } from '../../auth/auth-store';
import { SocketService } from '../../realtime/socket-service';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { SecurityApi } from './security-api';

/** Fallback for a socket that is down: the decision still arrives, only a little later. */
export const identityPollMs = 5_000;

/** The candidate's identity check for one session: photos sent, the proctor's decision awaited. */
@Injectable()
export class IdentityVerification {
  private readonly api = inject(SecurityApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private sessionId = '';
  private polling = false;

  readonly status = signal<IdentityStatus | null>(null);
  /** Why the proctor rejected the photos. */
  readonly reason = signal<string | null>(null);
  readonly sending = signal(false);
  readonly error = signal<DisplayedError | null>(null);

  start(sessionId: string): void {
    this.sessionId = sessionId;
    const me = this.auth.user()?.id;
    this.socket
      .on(Events.identityDecided, sessionId)
      .pipe(
        filter(({ data }) => data.userId === me),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ data }) =>
        this.apply(data.approved ? IdentityStatus.Approved : IdentityStatus.Rejected, data.reason),
      );
    const timer = setInterval(() => {
      if (this.status() === IdentityStatus.Submitted) void this.refresh();
    }, identityPollMs);
    this.destroyRef.onDestroy(() => clearInterval(timer));
  }

  /** What the candidate's participation says; a rejection's reason comes from the check itself. */
  adopt(status: IdentityStatus | null): void {
    // An approval is final; a participation read before it must not undo it.
    if (status === null || status === this.status() || this.status() === IdentityStatus.Approved) return;
    this.status.set(status);
    if (status === IdentityStatus.Rejected) void this.refresh();
  }

  async submit(photos: SubmitIdentityBody): Promise<void> {
    if (this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    try {
      this.applyView(await this.api.submitIdentity(this.sessionId, photos));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.sending.set(false);
    }
  }

  private async refresh(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const view = await this.api.myIdentity(this.sessionId);
      if (view) this.applyView(view);
    } catch {
      // The next poll (or the socket push) brings the decision; a failed poll is not worth a message.
    } finally {
      this.polling = false;
    }
  }

  private applyView(view: IdentityCheckView): void {
    this.apply(view.status, view.reason);
  }

  private apply(status: IdentityStatus, reason: string | null | undefined): void {
    this.status.set(status);
    this.reason.set(status === IdentityStatus.Rejected ? (reason ?? null) : null);
  }
}
