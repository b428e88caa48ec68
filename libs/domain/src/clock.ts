/** Inputs of the server-side clock for one participant; all durations in milliseconds. */
export interface ClockInput {
  timeLimitMs: number;
  extensionsMs: number;
  creditedMs: number;
  startedAt: Date;
  pausedMs: number;
  /** Set while the participant is paused: time stops counting from here. */
  pausedSince: Date | null;
  now: Date;
}

/**
 * remaining = limit + extensions + credited − (now − start − paused), never below zero.
 * A running pause counts as paused time up to `now`.
 */
export function remainingMs(input: ClockInput): number {
  const runningPause = input.pausedSince ? intervalMs(input.pausedSince, input.now) : 0;
  const elapsed = input.now.getTime() - input.startedAt.getTime() - input.pausedMs - runningPause;
  const remaining = input.timeLimitMs + input.extensionsMs + input.creditedMs - Math.max(0, elapsed);
  return Math.max(0, remaining);
}

export function remainingSeconds(input: ClockInput): number {
  return Math.floor(remainingMs(input) / 1000);
}

/** The clock's terms without `now`: what is stored for one attempt. */
export type StoredClock = Omit<ClockInput, 'now'>;

/**
 * The instant the time runs out, or null while the clock is stopped (a pause moves it by however
 * long the pause lasts, which is not known yet).
 */
export function deadlineAt(clock: StoredClock): Date | null {
  if (clock.pausedSince) return null;
  return new Date(
    clock.startedAt.getTime() + clock.timeLimitMs + clock.extensionsMs + clock.creditedMs + clock.pausedMs,
  );
}

/** The pause terms of one attempt's clock. */
export type PauseTerms = Pick<ClockInput, 'pausedMs' | 'pausedSince'>;

/** Milliseconds from `since` to `now`, never negative (a clock read on another host may be behind). */
export function intervalMs(since: Date, now: Date): number {
  return Math.max(0, now.getTime() - since.getTime());
}

/** Stopping the clock: time stops counting at `now`; a second pause keeps the first one's start. */
export function pausedClock(terms: PauseTerms, now: Date): PauseTerms {
  return terms.pausedSince ? { ...terms } : { pausedMs: terms.pausedMs, pausedSince: now };
}

/**
 * Restarting the clock: the pause so far (pausedSince to now) is added to pausedMs, which moves the
 * deadline by as much. A clock that is not stopped is left as it is.
 */
export function resumedClock(terms: PauseTerms, now: Date): PauseTerms {
  if (!terms.pausedSince) return { ...terms };
  return { pausedMs: terms.pausedMs + intervalMs(terms.pausedSince, now), pausedSince: null };
}

/** Extra time granted by the proctor, in the clock's milliseconds. */
export function extensionMs(minutes: number): number {
  return minutes * 60_000;
}

/**
 * Reopening a submitted attempt with `minutes` to go: the extensions that make the remaining time
 * exactly that from `now`. Only the extensions move, so the limit, credits and pauses keep their
 * recorded meaning; the result is below the old extensions when the candidate had more time left
 * than the proctor gives back. The clock must be running (a submitted attempt's clock is).
 */
export function reopenedExtensionsMs(clock: StoredClock, minutes: number, now: Date): number {
  const elapsed = now.getTime() - clock.startedAt.getTime() - clock.pausedMs;
  const unclampedRemaining = clock.timeLimitMs + clock.extensionsMs + clock.creditedMs - elapsed;
  return clock.extensionsMs + extensionMs(minutes) - unclampedRemaining;
}

/** Finished disconnections not yet given back, in whole seconds (a credit never exceeds what was recorded). */
export function creditableSeconds(disconnectedMs: number, creditedMs: number): number {
  return Math.floor(Math.max(0, disconnectedMs - creditedMs) / 1000);
}
