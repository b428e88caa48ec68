import { cameraFailure, checkBrowser, connectionResult, neededChecks } from './system-checks';

describe('system checks', () => {
  it('tells a candidate without a camera to connect one, and a blocked one to allow it', () => {
    const missing = cameraFailure(Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' }));
    expect(missing).toMatchObject({ status: 'fail', detail: 'No camera was found.' });
    expect(missing.fix).toContain('Connect a camera');
    expect(cameraFailure({ name: 'NotAllowedError' }).fix).toContain('Allow the camera for this site');
    expect(cameraFailure('weird').detail).toBe('The camera could not be started.');
  });

  it('checks only the devices the session needs', () => {
    const none = { browserLockdown: false, screenMonitoring: false, identityVerification: false };
    expect(neededChecks(none)).toEqual([]);
    expect(neededChecks({ ...none, identityVerification: true, browserLockdown: true })).toEqual([
      'camera',
      'fullscreen',
    ]);
    expect(neededChecks(null)).toEqual(['camera', 'fullscreen', 'screen-share']);
  });

  it('passes this browser and names what a failed connection needs', () => {
    const browser = {
      WebSocket: class WebSocket {},
      indexedDB: {},
      fetch: () => undefined,
      localStorage: { setItem: () => undefined, removeItem: () => undefined },
      crypto: { getRandomValues: () => undefined },
    };
    expect(checkBrowser(browser as unknown as Window).status).toBe('pass');
    const old = checkBrowser({ ...browser, WebSocket: undefined } as unknown as Window);
    expect(old).toMatchObject({ status: 'fail', detail: 'Missing: WebSocket.' });
    expect(old.fix).toContain('current version of Chrome');
    expect(connectionResult(false).fix).toContain('WebSocket');
  });
});
