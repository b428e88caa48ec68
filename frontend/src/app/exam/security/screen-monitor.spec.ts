import { TestBed } from '@angular/core/testing';
import type { StoreSnapshotBody } from '@invigil/contracts';
import { SignalKind } from '@invigil/contracts';
import { ScreenMonitor, snapshotIntervalMs } from './screen-monitor';
import { SecurityApi } from './security-api';
import { SignalReporter } from './signal-reporter';
import { first } from '../../../testing/items';

jest.mock('./frame-capture', () => ({
  ...jest.requireActual('./frame-capture'),
  // jsdom draws no frames: every capture yields the same tiny JPEG.
  captureFrame: () => 'data:image/jpeg;base64,AAAA',
  playStream: async () => ({ srcObject: null }),
}));

class FakeTrack extends EventTarget {
  stopped = false;
  constructor(private readonly surface?: string) {
    super();
  }
  getSettings() {
    return this.surface ? { displaySurface: this.surface } : {};
  }
  stop() {
    this.stopped = true;
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('ScreenMonitor', () => {
  let uploads: StoreSnapshotBody[];
  let reported: SignalKind[];
  let monitor: ScreenMonitor;
  let track: FakeTrack;

  beforeEach(() => {
    jest.useFakeTimers();
    uploads = [];
    reported = [];
    track = new FakeTrack('monitor');
    Object.defineProperty(window.navigator, 'mediaDevices', {
      value: { getDisplayMedia: async () => ({ getVideoTracks: () => [track], getTracks: () => [track] }) },
      configurable: true,
    });
    TestBed.configureTestingModule({
      providers: [
        ScreenMonitor,
        {
          provide: SecurityApi,
          useValue: {
            storeSnapshot: async (_id: string, body: StoreSnapshotBody) => (
              uploads.push(body),
              { receivedAt: body.capturedAt }
            ),
          },
        },
        { provide: SignalReporter, useValue: { report: (kind: SignalKind) => reported.push(kind) } },
      ],
    });
    monitor = TestBed.inject(ScreenMonitor);
    monitor.configure('s1', { snapshotIntervalSeconds: 10 });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    Object.defineProperty(window.navigator, 'mediaDevices', { value: undefined, configurable: true });
    jest.useRealTimers();
  });

  it('sends the first snapshot right away and then one per interval', async () => {
    await monitor.share();
    await flush();
    expect(uploads).toHaveLength(1);
    jest.advanceTimersByTime(9_000);
    await flush();
    expect(uploads).toHaveLength(1);
    jest.advanceTimersByTime(1_000);
    await flush();
    expect(uploads).toHaveLength(2);
    expect(first(uploads).image).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('accepts a screen when the browser does not say what was shared', async () => {
    track = new FakeTrack();
    await monitor.share();
    expect(monitor.state()).toBe('sharing');
  });

  it('stops sending and reports when the candidate stops sharing', async () => {
    await monitor.share();
    await flush();
    track.dispatchEvent(new Event('ended'));
    expect(monitor.state()).toBe('stopped');
    expect(reported).toEqual([SignalKind.ScreenShareStopped]);
    jest.advanceTimersByTime(60_000);
    await flush();
    expect(uploads).toHaveLength(1);
  });

  it('ends sharing quietly when the exam view goes away', async () => {
    await monitor.share();
    TestBed.resetTestingModule();
    expect(track.stopped).toBe(true);
    expect(reported).toEqual([]);
  });

  it('defaults to a snapshot every 15 seconds', () => {
    expect(snapshotIntervalMs({})).toBe(15_000);
    expect(snapshotIntervalMs({ snapshotIntervalSeconds: 30 })).toBe(30_000);
  });
});
