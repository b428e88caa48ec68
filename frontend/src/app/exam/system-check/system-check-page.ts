import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom, Subscription, timer } from 'rxjs';
import { SecurityOptions, SessionView } from '@invigil/contracts';
import { SocketService } from '../../realtime/socket-service';
import {
  cameraFailure,
  cameraUnsupported,
  CheckId,
  CheckResult,
  checkBrowser,
  DeviceCheckId,
  connectionResult,
  fullscreenResult,
  neededChecks,
  screenShareResult,
} from './system-checks';

/** How long the live connection may take before the check says it failed. */
const CONNECT_WAIT_MS = 10_000;

/**
 * "Test Technology" before the session: the browser, the live connection to the gateway and, when
 * the session needs them, camera, full screen and screen sharing, each with what to fix.
 * `?session=<id>` checks what that session needs; without it, every device is checked.
 */
@Component({
  selector: 'app-system-check-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './system-check-page.html',
})
export class SystemCheckPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);
  private connecting: Subscription | null = null;

  /** The `session` query parameter. */
  readonly session = input<string | undefined>(undefined);

  protected readonly results = signal<CheckResult[]>([]);
  protected readonly running = signal(false);
  protected readonly sessionName = signal<string | null>(null);

  ngOnInit(): void {
    void this.run();
  }

  protected async run(): Promise<void> {
    this.running.set(true);
    const security = await this.sessionSecurity();
    const devices = neededChecks(security);
    this.results.set([
      checkBrowser(window),
      {
        id: 'connection',
        label: 'Connection to the exam server',
        status: 'checking',
        detail: 'Connecting…',
        fix: null,
      },
      ...devices.map((id) => ({ id, label: LABELS[id], status: 'checking' as const, detail: 'Checking…', fix: null })),
    ]);
    this.checkConnection();
    await Promise.all(devices.map(async (id) => this.put(await DEVICE_CHECKS[id]())));
    this.running.set(false);
  }

  private async sessionSecurity(): Promise<SecurityOptions | null> {
    const id = this.session();
    if (!id) return null;
    try {
      const view = await firstValueFrom(this.http.get<SessionView>(`/api/sessions/${encodeURIComponent(id)}`));
      this.sessionName.set(view.name);
      return view.security;
    } catch {
      return null;
    }
  }

  private checkConnection(): void {
    this.connecting?.unsubscribe();
    const done = (connected: boolean) => {
      this.connecting?.unsubscribe();
      this.put(connectionResult(connected));
    };
    const subscription = this.socket.connections().subscribe(() => done(true));
    subscription.add(timer(CONNECT_WAIT_MS).subscribe(() => done(this.socket.connected())));
    this.connecting = subscription;
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  private put(result: CheckResult): void {
    this.results.update((list) => list.map((shown) => (shown.id === result.id ? result : shown)));
  }
}

const LABELS: Record<CheckId, string> = {
  browser: 'Browser',
  connection: 'Connection to the exam server',
  camera: 'Camera',
  fullscreen: 'Full screen',
  'screen-share': 'Screen sharing',
};

/** Each device check; the camera is opened for a moment and closed again. */
const DEVICE_CHECKS: Record<DeviceCheckId, () => Promise<CheckResult>> = {
  camera: async () => {
    if (!navigator.mediaDevices?.getUserMedia) return cameraUnsupported();
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      for (const track of stream.getTracks()) track.stop();
      return { id: 'camera', label: 'Camera', status: 'pass', detail: 'Your camera works.', fix: null };
    } catch (error) {
      return cameraFailure(error);
    }
  },
  fullscreen: async () => fullscreenResult(document.fullscreenEnabled === true),
  'screen-share': async () => screenShareResult(typeof navigator.mediaDevices?.getDisplayMedia === 'function'),
};
