import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { maxSnapshotDataUrlLength, SecurityOptions, SignalKind } from '@invigil/contracts';
import { captureFrame, playStream, stopStream } from './frame-capture';
import { SecurityApi } from './security-api';
import { SignalReporter } from './signal-reporter';

export type ScreenShareState =
  /** Not asked yet. */
  | 'idle'
  | 'requesting'
  | 'sharing'
  /** The candidate stopped sharing during the exam. */
  | 'stopped'
  /** A window or tab was shared instead of the entire screen. */
  | 'wrong-surface'
  /** The candidate (or the browser) declined. */
  | 'denied'
  | 'unsupported';

export const defaultSnapshotIntervalSeconds = 15;
const snapshotMaxWidth = 640;
const snapshotQuality = 0.5;
/** A frame may not be ready the instant sharing starts; the first snapshot is retried this soon. */
const firstSnapshotRetryMs = 1_000;

export function snapshotIntervalMs(security: Pick<SecurityOptions, 'snapshotIntervalSeconds'>): number {
  return (security.snapshotIntervalSeconds ?? defaultSnapshotIntervalSeconds) * 1_000;
}

/** Where the browser says what was picked, it must be a whole screen ('monitor'); where it does not, we cannot tell. */
export function isEntireScreen(settings: { displaySurface?: string }): boolean {
  return settings.displaySurface === undefined || settings.displaySurface === 'monitor';
}

/**
 * The candidate's shared screen: asks for it, checks it is the entire screen, sends a low-resolution
 * snapshot right away and then every interval, and notices when the candidate stops sharing.
 */
@Injectable()
export class ScreenMonitor {
  private readonly document = inject(DOCUMENT);
  private readonly api = inject(SecurityApi);
  private readonly reporter = inject(SignalReporter);
  private stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private uploading = false;
  private sessionId = '';
  private intervalMs = defaultSnapshotIntervalSeconds * 1_000;

  readonly state = signal<ScreenShareState>('idle');
  /** When the last snapshot reached the server, for the candidate's reassurance. */
  readonly lastSnapshotAt = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  configure(sessionId: string, security: Pick<SecurityOptions, 'snapshotIntervalSeconds'>): void {
    this.sessionId = sessionId;
    this.intervalMs = snapshotIntervalMs(security);
  }

  /** Must run from a click: browsers show the screen picker only for a user gesture. */
  async share(): Promise<void> {
    const media = this.document.defaultView?.navigator.mediaDevices;
    if (!media?.getDisplayMedia) {
      this.state.set('unsupported');
      return;
    }
    this.state.set('requesting');
    let stream: MediaStream;
    try {
      stream = await media.getDisplayMedia({ video: true, audio: false });
    } catch {
      this.state.set('denied');
      return;
    }
    const [track] = stream.getVideoTracks();
    if (!track || !isEntireScreen(track.getSettings())) {
      stopStream(stream);
      this.state.set('wrong-surface');
      return;
    }
    this.stopCapture();
    this.stream = stream;
    track.addEventListener('ended', () => this.onEnded(stream));
    this.state.set('sharing');
    try {
      this.video = await playStream(this.document, stream);
    } catch {
      // Without a playing video there are no frames; the track itself still tells when sharing stops.
    }
    void this.snapshotNow(true);
  }

  /** Ends sharing (the exam is over or the page closes); not reported, the candidate did not stop it. */
  stop(): void {
    this.stopCapture();
    if (this.state() === 'sharing') this.state.set('idle');
  }

  private onEnded(stream: MediaStream): void {
    if (stream !== this.stream) return;
    this.stopCapture();
    this.state.set('stopped');
    this.reporter.report(SignalKind.ScreenShareStopped);
  }

  private async snapshotNow(first = false): Promise<void> {
    this.timer = null;
    const frame =
      this.video && !this.uploading
        ? captureFrame(this.video, {
            maxWidth: snapshotMaxWidth,
            quality: snapshotQuality,
            maxLength: maxSnapshotDataUrlLength,
          })
        : null;
    if (frame === null && first) {
      this.schedule(firstSnapshotRetryMs, true);
      return;
    }
    this.schedule(this.intervalMs);
    if (frame === null) return;
    this.uploading = true;
    try {
      const stored = await this.api.storeSnapshot(this.sessionId, {
        image: frame,
        capturedAt: new Date().toISOString(),
      });
      this.lastSnapshotAt.set(stored.receivedAt);
    } catch {
      // A lost snapshot is replaced by the next one; queueing stale images helps nobody.
    } finally {
      this.uploading = false;
    }
  }

  private schedule(ms: number, first = false): void {
    if (!this.stream) return;
    this.timer = setTimeout(() => void this.snapshotNow(first), ms);
  }

  private stopCapture(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    stopStream(this.stream);
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    this.video = null;
  }
}
