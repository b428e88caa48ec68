import { TestBed } from '@angular/core/testing';
import { SignalKind } from '@invigil/contracts';
import { LockdownMonitor, lockdownCheckMs } from './lockdown-monitor';
import { SignalReporter } from './signal-reporter';

describe('LockdownMonitor', () => {
  let reported: { kind: SignalKind; detail?: string }[];
  let monitor: LockdownMonitor;

  const setFullscreen = (element: Element | null) => {
    Object.defineProperty(document, 'fullscreenElement', { value: element, configurable: true });
    document.dispatchEvent(new Event('fullscreenchange'));
  };
  const setVisibility = (state: DocumentVisibilityState) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const kinds = () => reported.map((signal) => signal.kind);

  beforeEach(() => {
    jest.useFakeTimers();
    reported = [];
    TestBed.configureTestingModule({
      providers: [
        LockdownMonitor,
        {
          provide: SignalReporter,
          useValue: { report: (kind: SignalKind, detail?: string) => reported.push({ kind, detail }) },
        },
      ],
    });
    monitor = TestBed.inject(LockdownMonitor);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    setFullscreen(null);
    setVisibility('visible');
    jest.useRealTimers();
  });

  it('reports nothing before the exam is shown', () => {
    setVisibility('hidden');
    window.dispatchEvent(new Event('blur'));
    expect(reported).toEqual([]);
  });

  it('reports a hidden tab and a lost focus once armed', () => {
    monitor.arm();
    setVisibility('hidden');
    window.dispatchEvent(new Event('blur'));
    expect(kinds()).toEqual([SignalKind.TabHidden, SignalKind.WindowBlurred]);
  });

  it('blocks copy, paste and the context menu, and reports each', () => {
    monitor.arm();
    const copy = new Event('copy', { cancelable: true });
    const paste = new Event('paste', { cancelable: true });
    const menu = new MouseEvent('contextmenu', { cancelable: true });
    document.body.dispatchEvent(copy);
    document.body.dispatchEvent(paste);
    document.body.dispatchEvent(menu);
    expect([copy.defaultPrevented, paste.defaultPrevented, menu.defaultPrevented]).toEqual([true, true, true]);
    expect(kinds()).toEqual([SignalKind.CopyAttempted, SignalKind.PasteAttempted, SignalKind.ContextMenu]);
  });

  it('blocks the print shortcut and reports it; other keys pass', () => {
    monitor.arm();
    const print = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, cancelable: true });
    const typing = new KeyboardEvent('keydown', { key: 'p', cancelable: true });
    document.body.dispatchEvent(print);
    document.body.dispatchEvent(typing);
    expect(print.defaultPrevented).toBe(true);
    expect(typing.defaultPrevented).toBe(false);
    expect(kinds()).toEqual([SignalKind.PrintAttempted]);
  });

  it('follows fullscreen and reports leaving it after the exam was shown', () => {
    setFullscreen(document.documentElement);
    expect(monitor.fullscreen()).toBe(true);
    monitor.arm();
    setFullscreen(null);
    expect(monitor.fullscreen()).toBe(false);
    expect(monitor.leftFullscreen()).toBe(true);
    expect(kinds()).toEqual([SignalKind.FullscreenExited]);
  });

  it('reports devtools once when the window grows far larger than the page', () => {
    monitor.arm();
    Object.defineProperty(window, 'outerWidth', { value: window.innerWidth + 400, configurable: true });
    jest.advanceTimersByTime(lockdownCheckMs * 3);
    expect(kinds()).toEqual([SignalKind.DevtoolsOpened]);
    Object.defineProperty(window, 'outerWidth', { value: window.innerWidth, configurable: true });
  });

  it('reports a second screen where the browser tells', () => {
    Object.defineProperty(window.screen, 'isExtended', { value: true, configurable: true });
    monitor.arm();
    jest.advanceTimersByTime(lockdownCheckMs);
    expect(kinds()).toEqual([SignalKind.MultipleScreens]);
    Object.defineProperty(window.screen, 'isExtended', { value: false, configurable: true });
  });

  it('stops listening when disarmed', () => {
    monitor.arm();
    monitor.disarm();
    setVisibility('hidden');
    const copy = new Event('copy', { cancelable: true });
    document.body.dispatchEvent(copy);
    expect(copy.defaultPrevented).toBe(false);
    expect(reported).toEqual([]);
  });
});
