import type { SecurityOptions } from '@invigil/contracts';

export type CheckStatus = 'checking' | 'pass' | 'fail';
export type DeviceCheckId = 'camera' | 'fullscreen' | 'screen-share';
export type CheckId = 'browser' | 'connection' | DeviceCheckId;

export interface CheckResult {
  id: CheckId;
  label: string;
  status: CheckStatus;
  /** What passed, or what is wrong. */
  detail: string;
  /** When it failed: what the candidate should do, in plain words. */
  fix: string | null;
}

/** What a browser needs for the exam: saves over a socket, answers kept offline, a view id. */
export const REQUIRED_APIS: { name: string; present: (w: Window) => boolean }[] = [
  { name: 'WebSocket', present: (w) => typeof (w as Window & { WebSocket?: unknown }).WebSocket === 'function' },
  { name: 'IndexedDB (answers kept until the server has them)', present: (w) => 'indexedDB' in w && !!w.indexedDB },
  { name: 'fetch', present: (w) => typeof w.fetch === 'function' },
  { name: 'local storage', present: (w) => storageWorks(w) },
  { name: 'secure random numbers', present: (w) => typeof w.crypto?.getRandomValues === 'function' },
];

function storageWorks(w: Window): boolean {
  try {
    w.localStorage.setItem('invigil.check', '1');
    w.localStorage.removeItem('invigil.check');
    return true;
  } catch {
    return false;
  }
}

const UPDATE_BROWSER =
  'Use a current version of Chrome, Edge, Firefox or Safari, not a private window, and reload this page.';

export function checkBrowser(w: Window): CheckResult {
  const missing = REQUIRED_APIS.filter((api) => !api.present(w)).map((api) => api.name);
  return missing.length
    ? {
        id: 'browser',
        label: 'Browser',
        status: 'fail',
        detail: `Missing: ${missing.join(', ')}.`,
        fix: UPDATE_BROWSER,
      }
    : {
        id: 'browser',
        label: 'Browser',
        status: 'pass',
        detail: 'Your browser has everything the exam needs.',
        fix: null,
      };
}

export function connectionResult(connected: boolean): CheckResult {
  return connected
    ? {
        id: 'connection',
        label: 'Connection to the exam server',
        status: 'pass',
        detail: 'Live connection established.',
        fix: null,
      }
    : {
        id: 'connection',
        label: 'Connection to the exam server',
        status: 'fail',
        detail: 'The live connection to the exam server could not be opened.',
        fix: 'Check that you are online. On a school or company network, ask IT to allow WebSocket connections to this site; turn off a VPN or proxy that blocks them. Then run the check again.',
      };
}

/** Which device checks a session needs: the camera for identity checks, full screen for lockdown, sharing for monitoring. */
export function neededChecks(security: SecurityOptions | null): DeviceCheckId[] {
  if (!security) return ['camera', 'fullscreen', 'screen-share'];
  const needed: DeviceCheckId[] = [];
  if (security.identityVerification) needed.push('camera');
  if (security.browserLockdown) needed.push('fullscreen');
  if (security.screenMonitoring) needed.push('screen-share');
  return needed;
}

/** A getUserMedia failure in words the candidate can act on. */
export function cameraFailure(error: unknown): CheckResult {
  const name =
    error instanceof Error || (error && typeof error === 'object' && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  const fixes: Record<string, [string, string]> = {
    NotFoundError: [
      'No camera was found.',
      'Connect a camera (or switch on the built-in one), close and reopen the browser, then run the check again.',
    ],
    OverconstrainedError: [
      'No camera was found.',
      'Connect a camera (or switch on the built-in one), close and reopen the browser, then run the check again.',
    ],
    NotAllowedError: [
      'The camera is blocked for this site.',
      "Allow the camera for this site (the camera icon in the address bar, or the browser's site settings), then run the check again.",
    ],
    NotReadableError: [
      'The camera is in use by another program.',
      'Close other programs that use the camera (video calls, camera apps), then run the check again.',
    ],
  };
  const [detail, fix] = fixes[name] ?? [
    'The camera could not be started.',
    'Check that a camera is connected and allowed for this site, then run the check again.',
  ];
  return { id: 'camera', label: 'Camera', status: 'fail', detail, fix };
}

export function cameraUnsupported(): CheckResult {
  return {
    id: 'camera',
    label: 'Camera',
    status: 'fail',
    detail: 'This browser cannot use a camera.',
    fix: UPDATE_BROWSER,
  };
}

export function fullscreenResult(enabled: boolean): CheckResult {
  return enabled
    ? { id: 'fullscreen', label: 'Full screen', status: 'pass', detail: 'The exam can open in full screen.', fix: null }
    : {
        id: 'fullscreen',
        label: 'Full screen',
        status: 'fail',
        detail: 'This browser does not allow full screen here.',
        fix: 'Open the exam in a normal browser window (not inside another app or frame) with a current browser.',
      };
}

export function screenShareResult(supported: boolean): CheckResult {
  return supported
    ? {
        id: 'screen-share',
        label: 'Screen sharing',
        status: 'pass',
        detail: 'Your browser can share your screen.',
        fix: null,
      }
    : {
        id: 'screen-share',
        label: 'Screen sharing',
        status: 'fail',
        detail: 'This browser cannot share the screen.',
        fix: 'Use a current Chrome, Edge or Firefox on a computer (phones and tablets cannot share the screen).',
      };
}
