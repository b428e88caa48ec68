import type { DashboardPrefs } from './dashboard-rules';
import { parsePrefs, prefsToParams } from './dashboard-rules';

const key = (sessionId: string) => `invigil.dashboard.${sessionId}`;

/**
 * The proctor's filters, sort and view per session, kept in localStorage so a reload (or the next
 * shift at the same desk) finds them. A link's query wins over what is stored; what neither
 * version understands is ignored and named, never applied half.
 */
export function loadPrefs(
  sessionId: string,
  query: Record<string, string>,
  storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null,
): { prefs: DashboardPrefs; ignored: string[] } {
  const fromLink = Object.keys(query).some((name) => DASHBOARD_QUERY_KEYS.includes(name));
  if (fromLink) return parsePrefs(query);
  let stored: unknown = null;
  try {
    stored = JSON.parse(storage?.getItem(key(sessionId)) ?? 'null');
  } catch {
    return { ...parsePrefs({}), ignored: ['the saved dashboard settings (unreadable)'] };
  }
  return parsePrefs(stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {});
}

export function savePrefs(
  sessionId: string,
  prefs: DashboardPrefs,
  storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null,
): void {
  try {
    storage?.setItem(key(sessionId), JSON.stringify(prefsToParams(prefs)));
  } catch {
    // Private browsing or a full quota: the choice simply lasts until the reload.
  }
}

/** The query parameters a shared dashboard link may carry. */
export const DASHBOARD_QUERY_KEYS = [
  'status',
  'severity',
  'connectivity',
  'extension',
  'unread',
  'hand',
  'q',
  'sort',
  'view',
];
