import { ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import {
  AlertSeverity,
  AttemptSummaryView,
  BulkAttemptResult,
  LiveParticipantView,
  ParticipantStatus,
} from '@invigil/contracts';
import { liveCounters } from '@invigil/domain';
import { participantStatusLabel } from '../../../shared/status-labels';
import { RosterApi } from '../../roster/roster-api';
import { remainingNow, TimedAttempt } from '../attempt-clock';
import { BulkActions } from './bulk-actions';
import { BulkMessage } from './bulk-message';
import { CandidateDrawer } from './candidate-drawer';
import { connectivityText, SEVERITY_LABELS, severityOf, timeText } from './dashboard-format';
import { loadPrefs, savePrefs } from './dashboard-prefs';
import {
  DashboardFilters,
  DashboardPrefs,
  DashboardRow,
  DashboardSort,
  progressPercent,
  visibleRows,
} from './dashboard-rules';

/** Row height of the virtualized table, in pixels (the viewport needs a fixed one). */
export const DASHBOARD_ROW_HEIGHT = 56;

/**
 * The live dashboard for a whole hall: counters, filters and sorting that survive a reload, a
 * virtualized table (or compact tiles), multi-select with bulk actions, and a drawer per candidate.
 * Rows come from the read model's pushed deltas (the session page applies them); nothing here
 * re-fetches a row per event.
 */
@Component({
  selector: 'app-live-dashboard',
  imports: [ScrollingModule, FormsModule, BulkActions, BulkMessage, CandidateDrawer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-dashboard.html',
})
export class LiveDashboard implements OnInit {
  private readonly roster = inject(RosterApi);
  private readonly route = inject(ActivatedRoute, { optional: true });

  readonly sessionId = input.required<string>();
  readonly participants = input.required<LiveParticipantView[]>();
  /** userId → the candidate's attempt clock, for those who started. */
  readonly attempts = input<ReadonlyMap<string, TimedAttempt>>(new Map());
  readonly now = input(0);
  readonly attemptChanged = output<AttemptSummaryView>();

  protected readonly prefs = signal<DashboardPrefs>(loadPrefs('', {}, null).prefs);
  protected readonly ignored = signal<string[]>([]);
  protected readonly emails = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly openUserId = signal<string | null>(null);
  private emailsLoading = false;

  protected readonly counters = computed(() => liveCounters(this.participants()));
  protected readonly rows = computed<DashboardRow[]>(() => {
    const attempts = this.attempts();
    const now = this.now();
    return this.participants().map((live) => {
      const attempt = attempts.get(live.userId);
      return {
        live,
        email: this.emails().get(live.userId) ?? '',
        remainingSeconds: attempt ? remainingNow(attempt, now) : null,
      };
    });
  });
  protected readonly shown = computed(() => visibleRows(this.rows(), this.prefs()));
  protected readonly selectedIds = computed(() => [...this.selected()]);
  protected readonly allShownSelected = computed(
    () => this.shown().length > 0 && this.shown().every((row) => this.selected().has(row.live.userId)),
  );
  protected readonly openRow = computed(() => this.rows().find((row) => row.live.userId === this.openUserId()) ?? null);

  protected readonly statuses = Object.values(ParticipantStatus);
  protected readonly severities = [AlertSeverity.High, AlertSeverity.Medium, AlertSeverity.Low];
  protected readonly sorts: { id: DashboardSort; label: string }[] = [
    { id: 'severity', label: 'Alert severity' },
    { id: 'time-left', label: 'Time left' },
    { id: 'progress', label: 'Progress (least first)' },
    { id: 'name', label: 'Name' },
  ];
  protected readonly rowHeight = DASHBOARD_ROW_HEIGHT;
  protected readonly statusLabel = participantStatusLabel;
  protected readonly severityLabel = (severity: AlertSeverity) => SEVERITY_LABELS[severity];
  protected readonly severityOf = severityOf;
  protected readonly percent = progressPercent;
  protected readonly connectivity = (row: LiveParticipantView) => connectivityText(row, this.now());
  protected readonly time = (row: LiveParticipantView) => timeText(row, this.attempts().get(row.userId), this.now());

  constructor() {
    // Someone new on the roster (an invitation, a join): learn their email for the search.
    effect(() => {
      const emails = this.emails();
      if (this.participants().some((row) => !emails.has(row.userId))) void this.loadEmails();
    });
  }

  ngOnInit(): void {
    const query = this.route?.snapshot.queryParams ?? {};
    const loaded = loadPrefs(this.sessionId(), query as Record<string, string>);
    this.prefs.set(loaded.prefs);
    this.ignored.set(loaded.ignored);
  }

  protected setFilter<K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]): void {
    this.update({ ...this.prefs(), filters: { ...this.prefs().filters, [key]: value } });
  }

  protected setSort(sort: DashboardSort): void {
    this.update({ ...this.prefs(), sort });
  }

  protected setView(view: DashboardPrefs['view']): void {
    this.update({ ...this.prefs(), view });
  }

  protected clearFilters(): void {
    this.update({ ...this.prefs(), filters: loadPrefs('', {}, null).prefs.filters });
  }

  protected toggle(userId: string, on: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  /** Selects (or clears) exactly the rows the filters show. */
  protected toggleAllShown(on: boolean): void {
    this.selected.set(on ? new Set(this.shown().map((row) => row.live.userId)) : new Set());
  }

  protected onBulkFinished(result: BulkAttemptResult): void {
    for (const outcome of result.outcomes) if (outcome.attempt) this.attemptChanged.emit(outcome.attempt);
  }

  protected trackRow = (_: number, row: DashboardRow) => row.live.userId;

  private update(prefs: DashboardPrefs): void {
    this.prefs.set(prefs);
    savePrefs(this.sessionId(), prefs);
  }

  private async loadEmails(): Promise<void> {
    if (this.emailsLoading) return;
    this.emailsLoading = true;
    try {
      const roster = await this.roster.list(this.sessionId());
      const known = new Map(roster.map((person) => [person.userId, person.email]));
      // Rows the roster does not list (yet) count as known, so they are not asked for again and again.
      for (const row of this.participants()) if (!known.has(row.userId)) known.set(row.userId, '');
      this.emails.set(known);
    } catch {
      // Search by name still works; the rows shown now are not asked for again.
      this.emails.update((emails) => {
        const next = new Map(emails);
        for (const row of this.participants()) if (!next.has(row.userId)) next.set(row.userId, '');
        return next;
      });
    } finally {
      this.emailsLoading = false;
    }
  }
}
