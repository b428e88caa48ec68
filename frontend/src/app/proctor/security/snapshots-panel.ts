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
import { Events, LiveParticipantView, SecurityOptions } from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { AuthorizedImage } from './authorized-image';
import { SecurityReviewApi } from './security-review-api';
import { LatestSnapshot, latestOf, latestPerCandidate, timeOfDay } from './security-review';

/** The latest screen snapshot of each candidate, replaced as new ones arrive; only for screen-monitored sessions. */
@Component({
  selector: 'app-snapshots-panel',
  imports: [FormError, AuthorizedImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .snapshots {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 1rem;
    }
    figure {
      margin: 0;
    }
    figure :is(img) {
      width: 100%;
      border: 1px solid var(--line);
      border-radius: 4px;
    }
  `,
  template: `
    @if (enabled()) {
      <section class="card" aria-labelledby="snapshots-heading" data-testid="snapshots-panel">
        <h2 id="snapshots-heading">Screen snapshots</h2>
        <app-form-error [error]="error()" />
        @if (!latest().length) {
          <p class="muted">No snapshots yet: they arrive once candidates share their screens.</p>
        }
        <ul class="snapshots">
          @for (snapshot of latest(); track snapshot.userId) {
            <li [attr.data-testid]="'snapshot-' + snapshot.userId">
              <figure>
                <app-authorized-image
                  [url]="imageUrl(snapshot)"
                  [alt]="'Screen of ' + nameOf(snapshot.userId)"
                  testId="snapshot-image"
                />
                <figcaption>
                  <strong>{{ nameOf(snapshot.userId) }}</strong> ·
                  <time [attr.datetime]="snapshot.capturedAt" data-testid="snapshot-time">{{
                    time(snapshot.capturedAt)
                  }}</time>
                </figcaption>
              </figure>
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class SnapshotsPanel {
  private readonly api = inject(SecurityReviewApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);

  readonly sessionId = input.required<string>();
  readonly security = input<SecurityOptions | null>(null);
  readonly participants = input<LiveParticipantView[]>([]);

  protected readonly enabled = computed(() => this.security()?.screenMonitoring === true);
  protected readonly latest = signal<LatestSnapshot[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  private readonly names = computed(() => new Map(this.participants().map((p) => [p.userId, p.displayName])));
  protected readonly time = timeOfDay;

  constructor() {
    let started = false;
    effect(() => {
      if (!this.enabled() || started) return;
      started = true;
      untracked(() => this.start(this.sessionId()));
    });
  }

  protected nameOf(userId: string): string {
    return this.names().get(userId) ?? 'A candidate';
  }

  protected imageUrl(snapshot: LatestSnapshot): string {
    return this.api.snapshotImageUrl(this.sessionId(), snapshot.snapshotId);
  }

  private start(sessionId: string): void {
    this.socket
      .on(Events.snapshotStored, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) =>
        this.latest.update((list) =>
          latestPerCandidate(list, [{ snapshotId: data.snapshotId, userId: data.userId, capturedAt: data.capturedAt }]),
        ),
      );
    this.socket
      .watchSession(sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load());
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const snapshots = await this.api.listSnapshots(this.sessionId());
      this.latest.update((list) => latestPerCandidate(list, snapshots.map(latestOf)));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
