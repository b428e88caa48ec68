import type { SaveState } from './save-queue';

/** "Saved" is announced at most this often: every keystroke saves, and a screen reader must not chatter. */
export const savedAnnouncementIntervalMs = 60_000;

/**
 * What the live region says when the save state changes, or null to stay quiet. Losing and regaining
 * the connection are always announced; a routine "Saved" only now and then.
 */
export function saveAnnouncement(
  previous: SaveState,
  next: SaveState,
  lastSavedAnnouncementAt: number | null,
  now: number,
): string | null {
  if (previous === next) return null;
  if (next === 'offline') return 'Offline. Your answers are kept on this device and sent when the connection returns.';
  if (next !== 'saved') return null;
  if (previous === 'offline') return 'Back online. All answers saved.';
  const quietEnough = lastSavedAnnouncementAt === null || now - lastSavedAnnouncementAt >= savedAnnouncementIntervalMs;
  return quietEnough ? 'All answers saved.' : null;
}
