import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SessionStatus, SessionView } from '@invigil/contracts';
import { formatStart, localTimeZone } from '../../../exam/clock/scheduled-start';

/** What an emergency procedure left the session in: paused and why, moved to when, ending at when. */
@Component({
  selector: 'app-session-notices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session().graceEndsAt && session().status !== ended) {
      <p class="notice" role="status" data-testid="session-ending">
        Ending: every answer still open is submitted {{ at(session().graceEndsAt) }}.
      </p>
    }
    @if (session().resumesAt) {
      <p class="notice" role="status" data-testid="session-resumes-at">
        Rescheduled: the session resumes {{ at(session().resumesAt) }}.
      </p>
    }
    @if (session().pauseReason; as reason) {
      <p class="muted" data-testid="session-pause-reason">Paused because: {{ reason }}</p>
    }
  `,
})
export class SessionNotices {
  readonly session = input.required<SessionView>();
  protected readonly ended = SessionStatus.Ended;
  private readonly zone = localTimeZone();
  protected readonly at = (iso: string | null) => (iso ? formatStart(iso, this.zone) : '');
}
