import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { SignalKind } from '@invigil/contracts';
import { devtoolsLikelyOpen, hasMultipleScreens, isPrintShortcut, RepeatFilter } from './lockdown-rules';
import { SignalReporter } from './signal-reporter';

/** How often the devtools and screen heuristics are checked (neither has an event of its own). */
export const lockdownCheckMs = 3_000;

const blockedClipboardEvents: [string, SignalKind][] = [
  ['copy', SignalKind.CopyAttempted],
  ['cut', SignalKind.CutAttempted],
  ['paste', SignalKind.PasteAttempted],
  ['contextmenu', SignalKind.ContextMenu],
];

/**
 * The browser lockdown of one exam view: keeps track of fullscreen, and once armed (the questions
 * have been shown) blocks what a page can block and reports everything it notices.
 */
@Injectable()
export class LockdownMonitor {
  private readonly document = inject(DOCUMENT);
  private readonly reporter = inject(SignalReporter);
  private readonly repeats = new RepeatFilter();
  private disarmers: (() => void)[] = [];
  private devtoolsOpen = false;
  private multipleScreens = false;

  readonly fullscreen = signal(this.isFullscreen());
  /** The candidate left fullscreen after the exam was shown (the gate says so instead of a first-time prompt). */
  readonly leftFullscreen = signal(false);
  readonly fullscreenError = signal<string | null>(null);

  constructor() {
    const onChange = () => this.onFullscreenChange();
    this.document.addEventListener('fullscreenchange', onChange);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('fullscreenchange', onChange);
      this.disarm();
    });
  }

  get armed(): boolean {
    return this.disarmers.length > 0;
  }

  /** Must run from a click: browsers grant fullscreen only to a user gesture. */
  async enterFullscreen(): Promise<void> {
    this.fullscreenError.set(null);
    try {
      await this.document.documentElement.requestFullscreen();
      this.fullscreen.set(this.isFullscreen());
    } catch {
      this.fullscreenError.set(
        'Your browser refused full screen. Allow it for this site (or try another browser) and press the button again.',
      );
    }
  }

  arm(): void {
    if (this.armed) return;
    const view = this.document.defaultView;
    if (!view) return;
    this.listen(this.document, 'visibilitychange', () => {
      if (this.document.visibilityState === 'hidden') this.report(SignalKind.TabHidden);
    });
    this.listen(view, 'blur', () => this.report(SignalKind.WindowBlurred));
    for (const [type, kind] of blockedClipboardEvents) {
      this.listen(this.document, type, (event) => {
        event.preventDefault();
        this.report(kind);
      });
    }
    this.listen(this.document, 'keydown', (event) => {
      if (event instanceof KeyboardEvent && isPrintShortcut(event)) {
        event.preventDefault();
        this.report(SignalKind.PrintAttempted, 'print shortcut');
      }
    });
    this.listen(view, 'beforeprint', () => this.report(SignalKind.PrintAttempted, 'print dialog'));
    const timer = view.setInterval(() => this.checkHeuristics(), lockdownCheckMs);
    this.disarmers.push(() => view.clearInterval(timer));
    this.checkHeuristics();
  }

  disarm(): void {
    for (const disarm of this.disarmers) disarm();
    this.disarmers = [];
  }

  private onFullscreenChange(): void {
    const now = this.isFullscreen();
    const was = this.fullscreen();
    this.fullscreen.set(now);
    if (was && !now && this.armed) {
      this.leftFullscreen.set(true);
      this.report(SignalKind.FullscreenExited);
    }
  }

  private checkHeuristics(): void {
    const view = this.document.defaultView;
    if (!view) return;
    const devtools = devtoolsLikelyOpen(view);
    if (devtools && !this.devtoolsOpen) {
      const detail = `window ${view.outerWidth}x${view.outerHeight}, page ${view.innerWidth}x${view.innerHeight}`;
      this.report(SignalKind.DevtoolsOpened, detail);
    }
    this.devtoolsOpen = devtools;
    const screens = hasMultipleScreens(view.screen);
    if (screens && !this.multipleScreens) this.report(SignalKind.MultipleScreens);
    this.multipleScreens = screens;
  }

  private report(kind: SignalKind, detail?: string): void {
    if (this.repeats.allow(kind, Date.now())) this.reporter.report(kind, detail);
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, true);
    this.disarmers.push(() => target.removeEventListener(type, handler, true));
  }

  private isFullscreen(): boolean {
    return Boolean(this.document.fullscreenElement);
  }
}
