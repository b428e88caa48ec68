import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Events, LiveParticipantView } from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { SecurityReviewApi } from './security-review-api';
import { AlertEntry, alertOfEvent, alertOfSignal, mergeAlerts, signalLabel, timeOfDay } from './security-review';

/** Suspicious activity of the session's candidates, newest first, live. */
@Component({
  selector: 'app-alerts-panel',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .alerts {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 24rem;
      overflow-y: auto;
    }
    .alerts li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--line);
    }
    .alerts time {
      font-variant-numeric: tabular-nums;
      color: var(--muted);
    }
  `,
  template: `
    <section class="card" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <app-form-error [error]="error()" />
      @if (!alerts().length) {
        <p class="muted" data-testid="alerts-empty">No suspicious activity so far.</p>
      }
      <ol class="alerts" role="log" aria-label="Alerts, newest first" data-testid="alerts-list">
        @for (alert of alerts(); track alert.id) {
          <li data-testid="alert-item" [attr.data-kind]="alert.kind" [attr.data-user-id]="alert.userId">
            <time [attr.datetime]="alert.occurredAt">{{ time(alert.occurredAt) }}</time>
            <strong data-testid="alert-candidate">{{ nameOf(alert.userId) }}</strong>
            <span data-testid="alert-kind">{{ label(alert.kind) }}</span>
            @if (alert.detail) {
              <span class="muted">({{ alert.detail }})</span>
            }
          </li>
        }
      </ol>
    </section>
  `,
})
export class AlertsPanel implements OnInit {
  private readonly api = inject(SecurityReviewApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);

  readonly sessionId = input.required<string>();
  /** For the candidates' names (alerts carry only their ids). */
  readonly participants = input<LiveParticipantView[]>([]);

  protected readonly alerts = signal<AlertEntry[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  private readonly names = computed(() => new Map(this.participants().map((p) => [p.userId, p.displayName])));
  protected readonly label = signalLabel;
  protected readonly time = timeOfDay;

  ngOnInit(): void {
    const sessionId = this.sessionId();
    this.socket
      .on(Events.alertRaised, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => this.alerts.update((list) => mergeAlerts(list, [alertOfEvent(data)])));
    // Every confirmed watch (also after a reconnect) reloads what may have been missed.
    this.socket
      .watchSession(sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load());
    void this.load();
  }

  protected nameOf(userId: string): string {
    return this.names().get(userId) ?? 'A candidate';
  }

  private async load(): Promise<void> {
    try {
      const signals = await this.api.listSignals(this.sessionId());
      this.alerts.update((list) => mergeAlerts(list, signals.map(alertOfSignal)));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
