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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { merge } from 'rxjs';
import { Events, IdentityCheckView, IdentityStatus, SecurityOptions } from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { AuthorizedImage } from './authorized-image';
import { SecurityReviewApi } from './security-review-api';
import { identityStatusLabel, sortIdentityChecks } from './identity-checks';

/** The candidates' identity photos, with the proctor's Approve / Reject; only for sessions that verify identity. */
@Component({
  selector: 'app-identity-checks-panel',
  imports: [FormError, AuthorizedImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .checks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .checks > li {
      border-top: 1px solid var(--line);
      padding-top: 0.75rem;
    }
    .photos {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.75rem;
    }
    figure {
      margin: 0;
    }
    figure :is(img) {
      width: 100%;
      border: 1px solid var(--line);
      border-radius: 4px;
    }
    textarea {
      width: 100%;
      font: inherit;
    }
  `,
  templateUrl: './identity-checks-panel.html',
})
export class IdentityChecksPanel {
  private readonly api = inject(SecurityReviewApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);

  readonly sessionId = input.required<string>();
  readonly security = input<SecurityOptions | null>(null);

  protected readonly IdentityStatus = IdentityStatus;
  protected readonly enabled = computed(() => this.security()?.identityVerification === true);
  private readonly list = signal<IdentityCheckView[]>([]);
  protected readonly checks = computed(() => sortIdentityChecks(this.list()));
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly busy = signal(false);
  /** The candidate whose rejection reason is being written. */
  protected readonly rejecting = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly statusLabel = identityStatusLabel;

  constructor() {
    let started = false;
    effect(() => {
      if (!this.enabled() || started) return;
      started = true;
      untracked(() => this.start(this.sessionId()));
    });
  }

  protected photoUrl(check: IdentityCheckView, photo: 'face' | 'id'): string {
    return this.api.identityPhotoUrl(this.sessionId(), check.userId, photo);
  }

  protected startRejecting(userId: string): void {
    this.reason.set('');
    this.rejecting.set(userId);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected async decide(check: IdentityCheckView, approved: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const body = approved ? { approved } : { approved, reason: this.reason().trim() };
      const decided = await this.api.decideIdentity(this.sessionId(), check.userId, body);
      this.list.update((list) => list.map((item) => (item.userId === decided.userId ? decided : item)));
      this.rejecting.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private start(sessionId: string): void {
    // A new submission or another proctor's decision: the list is small, reload it.
    merge(
      this.socket.on(Events.identitySubmitted, sessionId),
      this.socket.on(Events.identityDecided, sessionId),
      this.socket.watchSession(sessionId),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load());
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.list.set(await this.api.listIdentityChecks(this.sessionId()));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
