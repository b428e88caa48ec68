import type { AlertSeverity, LiveParticipantView } from '@invigil/contracts';
import { AlertSeverity as Severity, ParticipantStatus } from '@invigil/contracts';
import { highestSeverity, isDisconnected, severityRank } from '@invigil/domain';

/** One dashboard row: the read model's row, the roster's email and, once started, the remaining seconds. */
export interface DashboardRow {
  live: LiveParticipantView;
  email: string;
  /** Seconds left now, or null before the attempt starts. */
  remainingSeconds: number | null;
}

export type Connectivity = 'online' | 'disconnected';
export const dashboardSorts = ['severity', 'time-left', 'progress', 'name'] as const;
export type DashboardSort = (typeof dashboardSorts)[number];
export type DashboardView = 'table' | 'tiles';

export interface DashboardFilters {
  status: ParticipantStatus | null;
  /** Rows whose most urgent open alert is at least this severe. */
  severity: AlertSeverity | null;
  connectivity: Connectivity | null;
  hasExtension: boolean;
  hasUnread: boolean;
  handRaised: boolean;
  search: string;
}

export interface DashboardPrefs {
  filters: DashboardFilters;
  sort: DashboardSort;
  view: DashboardView;
}

export const DEFAULT_PREFS: DashboardPrefs = {
  filters: {
    status: null,
    severity: null,
    connectivity: null,
    hasExtension: false,
    hasUnread: false,
    handRaised: false,
    search: '',
  },
  sort: 'name',
  view: 'table',
};

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function progressPercent(row: LiveParticipantView): number {
  return row.totalQuestions > 0 ? Math.round((row.answeredCount / row.totalQuestions) * 100) : 0;
}

export function matchesFilters(row: DashboardRow, filters: DashboardFilters): boolean {
  const { live } = row;
  if (filters.status !== null && live.status !== filters.status) return false;
  if (filters.severity !== null && severityRank(highestSeverity(live.alerts)) < severityRank(filters.severity))
    return false;
  if (filters.connectivity !== null && isDisconnected(live) !== (filters.connectivity === 'disconnected')) return false;
  if (filters.hasExtension && !(live.extensionMinutes ?? 0)) return false;
  if (filters.hasUnread && !(live.unreadMessages ?? 0)) return false;
  if (filters.handRaised && !live.handRaised) return false;
  const search = filters.search.trim().toLowerCase();
  return search === '' || live.displayName.toLowerCase().includes(search) || row.email.toLowerCase().includes(search);
}

const nameOrder = (a: DashboardRow, b: DashboardRow) =>
  byName.compare(a.live.displayName, b.live.displayName) || a.live.userId.localeCompare(b.live.userId);

/** Each order puts what needs the proctor first; ties fall back to the name so the order is stable. */
const ORDERS: Record<DashboardSort, (a: DashboardRow, b: DashboardRow) => number> = {
  severity: (a, b) =>
    severityRank(highestSeverity(b.live.alerts)) - severityRank(highestSeverity(a.live.alerts)) ||
    (b.live.alertCount ?? 0) - (a.live.alertCount ?? 0),
  // Least time left first; not started yet (no clock) last.
  'time-left': (a, b) => (a.remainingSeconds ?? Infinity) - (b.remainingSeconds ?? Infinity),
  // Furthest behind first.
  progress: (a, b) => progressPercent(a.live) - progressPercent(b.live),
  name: () => 0,
};

export function sortRows(rows: readonly DashboardRow[], sort: DashboardSort): DashboardRow[] {
  const order = ORDERS[sort];
  return [...rows].sort((a, b) => order(a, b) || nameOrder(a, b));
}

export function visibleRows(rows: readonly DashboardRow[], prefs: DashboardPrefs): DashboardRow[] {
  return sortRows(
    rows.filter((row) => matchesFilters(row, prefs.filters)),
    prefs.sort,
  );
}

/** The choice as flat strings: what localStorage keeps and what a shared link's query carries. */
export type PrefsParams = Record<string, string>;

export function prefsToParams(prefs: DashboardPrefs): PrefsParams {
  const { filters } = prefs;
  const params: PrefsParams = { sort: prefs.sort, view: prefs.view };
  if (filters.status) params['status'] = filters.status;
  if (filters.severity) params['severity'] = filters.severity;
  if (filters.connectivity) params['connectivity'] = filters.connectivity;
  if (filters.hasExtension) params['extension'] = 'yes';
  if (filters.hasUnread) params['unread'] = 'yes';
  if (filters.handRaised) params['hand'] = 'yes';
  if (filters.search) params['q'] = filters.search;
  return params;
}

const STATUSES = Object.values(ParticipantStatus) as string[];
const SEVERITIES = Object.values(Severity) as string[];
const CONNECTIVITY = ['online', 'disconnected'];
const FLAGS = { extension: 'hasExtension', unread: 'hasUnread', hand: 'handRaised' } as const;

/**
 * Reads a stored or linked choice. A value this version does not know (an old build's, a typo in
 * a link) is left out and named in `ignored`, so the page can say what it did not apply.
 */
export function parsePrefs(params: Record<string, unknown>): { prefs: DashboardPrefs; ignored: string[] } {
  const filters: DashboardFilters = { ...DEFAULT_PREFS.filters };
  const prefs: DashboardPrefs = { filters, sort: DEFAULT_PREFS.sort, view: DEFAULT_PREFS.view };
  const ignored: string[] = [];
  const pick = <T extends string>(key: string, allowed: readonly string[], apply: (value: T) => void) => {
    const value = params[key];
    if (value === undefined || value === '') return;
    if (typeof value === 'string' && allowed.includes(value)) apply(value as T);
    else ignored.push(`${key} "${String(value)}" (expected one of: ${allowed.join(', ')})`);
  };
  pick<ParticipantStatus>('status', STATUSES, (value) => (filters.status = value));
  pick<AlertSeverity>('severity', SEVERITIES, (value) => (filters.severity = value));
  pick<Connectivity>('connectivity', CONNECTIVITY, (value) => (filters.connectivity = value));
  pick<DashboardSort>('sort', dashboardSorts, (value) => (prefs.sort = value));
  pick<DashboardView>('view', ['table', 'tiles'], (value) => (prefs.view = value));
  for (const [key, field] of Object.entries(FLAGS))
    pick(key, ['yes', 'no'], (value) => (filters[field] = value === 'yes'));
  const search = params['q'];
  if (typeof search === 'string') filters.search = search.slice(0, 200);
  return { prefs, ignored };
}
