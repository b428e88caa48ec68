import type { WritableSignal } from '@angular/core';
import type { DisplayedError } from '../../shared/http-error';
import { toDisplayedError } from '../../shared/http-error';

/**
 * Runs one roster request for a component: `busy` (if given) is set while it runs and `error` shows why it failed.
 * Resolves to null on failure, so callers only act on a success.
 */
export async function runRosterRequest<T>(
  work: () => Promise<T>,
  error: WritableSignal<DisplayedError | null>,
  busy?: WritableSignal<boolean>,
): Promise<T | null> {
  busy?.set(true);
  error.set(null);
  try {
    return await work();
  } catch (failure) {
    error.set(toDisplayedError(failure));
    return null;
  } finally {
    busy?.set(false);
  }
}
