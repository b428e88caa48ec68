import type { LiveParticipantView } from '@invigil/contracts';
import { AlertSeverity, ParticipantStatus as S } from '@invigil/contracts';
import type { DashboardRow } from './dashboard-rules';
import { DEFAULT_PREFS, matchesFilters, parsePrefs, prefsToParams, sortRows, visibleRows } from './dashboard-rules';

let next = 0;
function row(
  name: string,
  live: Partial<LiveParticipantView> = {},
  remainingSeconds: number | null = null,
): DashboardRow {
  next += 1;
  return {
    email: `${name.toLowerCase()}@example.test`,
    remainingSeconds,
    live: {
      participantId: `p${next}`,
      sessionId: 's',
      userId: `u${next}`,
      displayName: name,
      status: S.InSession,
      answeredCount: 0,
      totalQuestions: 10,
      scorePercent: null,
      lastActivityAt: '2026-12-03T09:00:00.000Z',
      ...live,
    },
  };
}

const names = (rows: DashboardRow[]) => rows.map((r) => r.live.displayName);
const filters = (overrides: Partial<typeof DEFAULT_PREFS.filters>) => ({ ...DEFAULT_PREFS.filters, ...overrides });

describe('dashboard filters and sorting', () => {
  const ada = row('Ada', { alerts: { low: 1, medium: 0, high: 0 }, alertCount: 1, answeredCount: 9 }, 300);
  const ben = row('ben', { connected: false, alerts: { low: 0, medium: 0, high: 2 }, alertCount: 2 }, 1200);
  const cleo = row('Cleo', { status: S.Invited, unreadMessages: 2, handRaised: true });
  const dev = row(
    'Dev',
    { extensionMinutes: 10, answeredCount: 4, alerts: { low: 0, medium: 1, high: 0 }, alertCount: 1 },
    60,
  );
  const all = [dev, cleo, ben, ada];

  it('filters by status, connectivity, severity at least, extension, unread, hand and name or email', () => {
    expect(names(all.filter((r) => matchesFilters(r, filters({ status: S.Invited }))))).toEqual(['Cleo']);
    expect(names(all.filter((r) => matchesFilters(r, filters({ connectivity: 'disconnected' }))))).toEqual(['ben']);
    expect(names(all.filter((r) => matchesFilters(r, filters({ connectivity: 'online' })))).sort()).toEqual([
      'Ada',
      'Cleo',
      'Dev',
    ]);
    expect(names(all.filter((r) => matchesFilters(r, filters({ severity: AlertSeverity.Medium }))))).toEqual([
      'Dev',
      'ben',
    ]);
    expect(names(all.filter((r) => matchesFilters(r, filters({ hasExtension: true }))))).toEqual(['Dev']);
    expect(names(all.filter((r) => matchesFilters(r, filters({ hasUnread: true, handRaised: true }))))).toEqual([
      'Cleo',
    ]);
    expect(names(all.filter((r) => matchesFilters(r, filters({ search: 'CLEO@' }))))).toEqual(['Cleo']);
    expect(names(all.filter((r) => matchesFilters(r, filters({ search: ' ad ' }))))).toEqual(['Ada']);
  });

  it('sorts by severity, time left, progress and name, ties by name', () => {
    expect(names(sortRows(all, 'severity'))).toEqual(['ben', 'Dev', 'Ada', 'Cleo']);
    expect(names(sortRows(all, 'time-left'))).toEqual(['Dev', 'Ada', 'ben', 'Cleo']);
    expect(names(sortRows(all, 'progress'))).toEqual(['ben', 'Cleo', 'Dev', 'Ada']);
    expect(names(sortRows(all, 'name'))).toEqual(['Ada', 'ben', 'Cleo', 'Dev']);
    const prefs = { ...DEFAULT_PREFS, filters: filters({ connectivity: 'online' }), sort: 'severity' as const };
    expect(names(visibleRows(all, prefs))).toEqual(['Dev', 'Ada', 'Cleo']);
  });

  it('keeps the choice as flat strings and reads it back the same', () => {
    const prefs = {
      filters: filters({ status: S.InSession, severity: AlertSeverity.High, hasUnread: true, search: 'ada' }),
      sort: 'time-left' as const,
      view: 'tiles' as const,
    };
    expect(parsePrefs(prefsToParams(prefs))).toEqual({ prefs, ignored: [] });
  });

  it('ignores values it does not know and says which', () => {
    const { prefs, ignored } = parsePrefs({ status: 'lunch', sort: 'shoe-size', severity: 'high', hand: 7 });
    expect(prefs.filters.status).toBeNull();
    expect(prefs.sort).toBe('name');
    expect(prefs.filters.severity).toBe(AlertSeverity.High);
    expect(ignored).toEqual([
      'status "lunch" (expected one of: invited, waiting, in_session, paused, complete, disconnected)',
      'sort "shoe-size" (expected one of: severity, time-left, progress, name)',
      'hand "7" (expected one of: yes, no)',
    ]);
  });
});
