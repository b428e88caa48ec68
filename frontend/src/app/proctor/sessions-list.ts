import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStatus, SessionView } from '@invigil/contracts';
import { sessionIsEditable, sessionIsFinished, sessionIsRunning } from '@invigil/domain';
import { sessionStatusLabel } from '../shared/status-labels';

export type SessionsTab = 'upcoming' | 'active' | 'past';

/** Upcoming: before the start (still editable); active: running; past: finished. */
const TAB_HOLDS: Record<SessionsTab, (status: SessionStatus) => boolean> = {
  upcoming: sessionIsEditable,
  active: sessionIsRunning,
  past: sessionIsFinished,
};

/** Sessions of one tab matching the search (name, assessment or code, case-insensitive). */
export function sessionsOfTab(sessions: SessionView[], tab: SessionsTab, search: string): SessionView[] {
  const needle = search.trim().toLowerCase();
  return sessions.filter(
    (session) =>
      TAB_HOLDS[tab](session.status) &&
      (!needle ||
        [session.name, session.assessmentTitle, session.enrollmentCode].some((text) =>
          text.toLowerCase().includes(needle),
        )),
  );
}

/** When the session starts, in the proctor's browser zone (and the zone it was entered in, if different). */
export function describeStart(
  session: SessionView,
  browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  if (!session.scheduledAt)
    return session.startedAt ? `Started ${new Date(session.startedAt).toLocaleString()}` : 'Flexible start';
  const at = new Date(session.scheduledAt);
  const local = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: browserZone });
  if (session.timeZone === browserZone) return local;
  return `${local} (${at.toLocaleString(undefined, { timeStyle: 'short', timeZone: session.timeZone })} ${session.timeZone})`;
}

@Component({
  selector: 'app-sessions-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <div class="tabs" role="tablist" aria-label="Which sessions">
        @for (entry of tabs; track entry.id) {
          <button
            type="button"
            role="tab"
            [attr.aria-selected]="tab() === entry.id"
            [class.active]="tab() === entry.id"
            (click)="tab.set(entry.id)"
            [attr.data-testid]="'sessions-tab-' + entry.id"
          >
            {{ entry.label }} ({{ count(entry.id) }})
          </button>
        }
      </div>
      <div class="field">
        <label for="sessions-search" class="visually-hidden">Search sessions</label>
        <input
          id="sessions-search"
          type="search"
          placeholder="Search by name, assessment or code"
          [value]="search()"
          (input)="search.set($any($event.target).value)"
          data-testid="sessions-search"
        />
      </div>
      @if (shown().length) {
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Assessment</th>
              <th scope="col">Start</th>
              <th scope="col">Status</th>
              <th scope="col">Code</th>
              <th scope="col"><span class="visually-hidden">Open</span></th>
            </tr>
          </thead>
          <tbody>
            @for (session of shown(); track session.id) {
              <tr [attr.data-testid]="'session-row-' + session.id">
                <td>{{ session.name }}</td>
                <td>{{ session.assessmentTitle }}</td>
                <td data-testid="session-start-at">{{ start(session) }}</td>
                <td>
                  <span class="chip" [attr.data-status]="session.status">{{ statusLabel(session.status) }}</span>
                </td>
                <td>
                  <code>{{ session.enrollmentCode }}</code>
                </td>
                <td>
                  <a
                    [routerLink]="['/proctor/sessions', session.id]"
                    [attr.aria-label]="'Open ' + session.name"
                    data-testid="session-link"
                    >Open</a
                  >
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="muted">{{ sessions().length ? 'No sessions here.' : 'No sessions yet.' }}</p>
      }
    </section>
  `,
})
export class SessionsList {
  readonly sessions = input.required<SessionView[]>();
  protected readonly tab = signal<SessionsTab>('upcoming');
  protected readonly search = signal('');
  protected readonly tabs: { id: SessionsTab; label: string }[] = [
    { id: 'upcoming', label: 'Upcoming' },
    { id: 'active', label: 'Active' },
    { id: 'past', label: 'Past' },
  ];
  protected readonly shown = computed(() => sessionsOfTab(this.sessions(), this.tab(), this.search()));
  protected readonly statusLabel = sessionStatusLabel;
  protected readonly start = (session: SessionView) => describeStart(session);

  protected count(tab: SessionsTab): number {
    return sessionsOfTab(this.sessions(), tab, this.search()).length;
  }
}
