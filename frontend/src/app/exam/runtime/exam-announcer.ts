import type { Signal } from '@angular/core';
import { effect, signal, untracked } from '@angular/core';
import type { ExamClock } from '../clock/exam-clock';
import { saveAnnouncement } from '../saving/save-announcements';
import type { SaveState } from '../saving/save-queue';

/**
 * What the page's polite live region says. Only changes worth hearing are put here (time warnings,
 * losing or regaining the connection, an occasional "saved"); the timer itself is never read out.
 */
export class ExamAnnouncer {
  private readonly text = signal('');
  private lastSaveState: SaveState = 'saved';
  private lastSavedAt: number | null = null;

  readonly message = this.text.asReadonly();

  say(text: string): void {
    // The same sentence twice in a row would not be read again; a trailing space makes it a change.
    this.text.set(this.text() === text ? `${text} ` : text);
  }

  saveStateChanged(state: SaveState): void {
    const now = Date.now();
    const text = saveAnnouncement(this.lastSaveState, state, this.lastSavedAt, now);
    this.lastSaveState = state;
    if (!text) return;
    if (state === 'saved') this.lastSavedAt = now;
    this.say(text);
  }
}

/**
 * Keeps the announcer following the page: save state changes, time warnings, time over.
 * Call in an injection context (it creates effects that end with it).
 */
export function announceExamChanges(
  announcer: ExamAnnouncer,
  page: { saveState: Signal<SaveState>; clock: ExamClock; submitted: Signal<boolean> },
): void {
  effect(() => {
    const state = page.saveState();
    untracked(() => announcer.saveStateChanged(state));
  });
  effect(() => {
    page.clock.remainingSeconds();
    const warning = untracked(() => page.clock.warning());
    if (warning) untracked(() => announcer.say(warning));
  });
  effect(() => {
    if (page.clock.timeOver() && !page.submitted())
      untracked(() => announcer.say('Time is over. Your saved answers will be submitted.'));
  });
}
