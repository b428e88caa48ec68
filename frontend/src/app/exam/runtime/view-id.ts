const storageKey = 'invigil.exam.viewId';

/**
 * This browser tab's exam view id: random, kept in sessionStorage so a reload of the same tab is the
 * same view (no takeover prompt), while another tab or device gets its own.
 */
export function examViewId(storage: Storage = sessionStorage): string {
  const existing = storage.getItem(storageKey);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const created = randomViewId();
  storage.setItem(storageKey, created);
  return created;
}

function randomViewId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}
