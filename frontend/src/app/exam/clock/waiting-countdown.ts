import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { SessionView } from '@invigil/contracts';
import { firstValueFrom } from 'rxjs';
import { formatStart, formatUntil, localTimeZone } from './scheduled-start';

/** In the waiting room: when a scheduled session starts, in the candidate's own time zone, counting down. */
@Component({
  selector: 'app-waiting-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (scheduledAt(); as at) {
      <p data-testid="waiting-start">Starts {{ startText() }}</p>
      <p class="countdown" role="timer" data-testid="waiting-countdown">Starts in {{ untilText() }}</p>
    } @else if (loaded()) {
      <p class="muted" data-testid="waiting-start">Your proctor starts this session.</p>
    }
  `,
})
export class WaitingCountdown implements OnInit {
  readonly sessionId = input.required<string>();
  private readonly http = inject(HttpClient);
  private readonly zone = localTimeZone();
  private readonly now = signal(Date.now());
  protected readonly loaded = signal(false);
  protected readonly scheduledAt = signal<string | null>(null);
  protected readonly startText = computed(() => {
    const at = this.scheduledAt();
    return at ? formatStart(at, this.zone) : '';
  });
  protected readonly untilText = computed(() => {
    const at = this.scheduledAt();
    return at ? formatUntil(new Date(at).getTime() - this.now()) : '';
  });

  constructor() {
    const ticker = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(ticker));
  }

  async ngOnInit(): Promise<void> {
    try {
      const session = await firstValueFrom(
        this.http.get<SessionView>(`/api/sessions/${encodeURIComponent(this.sessionId())}`),
      );
      this.scheduledAt.set(session.scheduledAt ?? null);
    } catch {
      // The waiting room works without it: the questions appear when the session starts.
    } finally {
      this.loaded.set(true);
    }
  }
}
