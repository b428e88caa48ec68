import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStatus, SessionView } from '@invigil/contracts';
import { sessionIsEditable, sessionIsFinished, sessionIsRunning } from '@invigil/domain';
import { sessionStatusLabel } from '../../shared/status-labels';

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
  templateUrl: './sessions-list.html',
})
export class SessionsList {
  readonly sessions = input.required<SessionView[]>();
  /** The tab the proctor picked; until they pick one, Active when a session is running (their job now), else Upcoming. */
  private readonly picked = signal<SessionsTab | null>(null);
  protected readonly tab = computed<SessionsTab>(
    () => this.picked() ?? (sessionsOfTab(this.sessions(), 'active', '').length > 0 ? 'active' : 'upcoming'),
  );
  protected readonly search = signal('');
  protected readonly tabs: { id: SessionsTab; label: string }[] = [
    { id: 'upcoming', label: 'Upcoming' },
    { id: 'active', label: 'Active' },
    { id: 'past', label: 'Past' },
  ];
  protected readonly shown = computed(() => sessionsOfTab(this.sessions(), this.tab(), this.search()));
  protected readonly statusLabel = sessionStatusLabel;
  protected readonly start = (session: SessionView) => describeStart(session);

  protected pick(tab: SessionsTab): void {
    this.picked.set(tab);
  }

  protected count(tab: SessionsTab): number {
    return sessionsOfTab(this.sessions(), tab, this.search()).length;
  }
}
