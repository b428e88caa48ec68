/**
 * Pure rules of the browser lockdown: what counts as devtools opened, a print shortcut, a repeat.
 * A web page cannot see devtools or a second screen directly; these are the heuristics it has.
 */

/** Docked devtools take space from the page: the window is much larger than its viewport. */
export const devtoolsGapPx = 160;

export interface WindowSize {
  outerWidth: number;
  outerHeight: number;
  innerWidth: number;
  innerHeight: number;
}

export function devtoolsLikelyOpen(size: WindowSize, gapPx = devtoolsGapPx): boolean {
  // Some headless and embedded browsers report an outer size of 0: no evidence either way.
  if (size.outerWidth === 0 || size.outerHeight === 0) return false;
  return size.outerWidth - size.innerWidth > gapPx || size.outerHeight - size.innerHeight > gapPx;
}

export function isPrintShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p';
}

/** `window.screen.isExtended` (Chromium's Window Management API): true with more than one screen. */
export function hasMultipleScreens(screen: unknown): boolean {
  return typeof screen === 'object' && screen !== null && (screen as { isExtended?: unknown }).isExtended === true;
}

/**
 * Lets one signal of a kind through per interval: holding Ctrl+V or a burst of blur events is one
 * act, and a flood of identical signals would hide the others from the proctor.
 */
export class RepeatFilter {
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly intervalMs = 1_000) {}

  allow(kind: string, nowMs: number): boolean {
    const last = this.lastAt.get(kind);
    if (last !== undefined && nowMs - last < this.intervalMs) return false;
    this.lastAt.set(kind, nowMs);
    return true;
  }
}
