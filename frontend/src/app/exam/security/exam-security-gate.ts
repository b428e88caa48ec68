import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { AttemptStatus, AttemptView, IdentityStatus, SecurityOptions, SubmitIdentityBody } from '@invigil/contracts';
import { FullscreenStep } from './fullscreen-step';
import { IdentityStep } from './identity-step';
import { IdentityVerification } from './identity-verification';
import { LockdownMonitor } from './lockdown-monitor';
import { ScreenMonitor } from './screen-monitor';
import { ScreenShareStep } from './screen-share-step';
import { blockingStep, showsContent } from './security-steps';
import { SignalReporter } from './signal-reporter';

/**
 * Stands between the candidate and the exam while the session's security options are unmet:
 * identity verification (also in the waiting room), the shared screen, fullscreen lockdown.
 * The rules live in the services; this only wires them to the steps' views.
 */
@Component({
  selector: 'app-exam-security-gate',
  imports: [IdentityStep, ScreenShareStep, FullscreenStep],
  providers: [SignalReporter, LockdownMonitor, ScreenMonitor, IdentityVerification],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (step()) {
      @case ('identity') {
        <app-identity-step
          [status]="identity.status() ?? IdentityStatus.Missing"
          [reason]="identity.reason()"
          [sending]="identity.sending()"
          [error]="identity.error()"
          (submitted)="sendPhotos($event)"
        />
      }
      @case ('screen') {
        <app-screen-share-step [state]="screen.state()" (share)="screen.share()" />
      }
      @case ('fullscreen') {
        <app-fullscreen-step
          [left]="lockdown.leftFullscreen()"
          [error]="lockdown.fullscreenError()"
          (enter)="lockdown.enterFullscreen()"
        />
      }
    }
    @if (contentShown()) {
      <ng-content />
    }
  `,
})
export class ExamSecurityGate {
  protected readonly identity = inject(IdentityVerification);
  protected readonly screen = inject(ScreenMonitor);
  protected readonly lockdown = inject(LockdownMonitor);
  private readonly reporter = inject(SignalReporter);

  readonly sessionId = input.required<string>();
  readonly identityStatus = input<IdentityStatus | null>(null);
  readonly attempt = input<AttemptView | null>(null);
  /** The proctor approved the photos: the page can load the attempt the server refused until now. */
  readonly identityApproved = output<void>();

  protected readonly IdentityStatus = IdentityStatus;
  /** The attempt while it runs; a submitted attempt asks for nothing more. */
  private readonly running = computed(() => {
    const attempt = this.attempt();
    return attempt && attempt.status !== AttemptStatus.Submitted ? attempt : null;
  });
  /** An attempt from a server that predates the security options carries none: nothing to enforce. */
  private readonly security = computed<SecurityOptions | null>(() => this.running()?.security ?? null);
  protected readonly step = computed(() =>
    blockingStep({
      identityStatus: this.identity.status(),
      security: this.security(),
      screen: this.screen.state(),
      fullscreen: this.lockdown.fullscreen(),
    }),
  );
  protected readonly contentShown = computed(() => showsContent(this.step(), this.running() !== null));

  constructor() {
    let started = false;
    effect(() => {
      const sessionId = this.sessionId();
      if (started) return;
      started = true;
      untracked(() => {
        this.reporter.start(sessionId);
        this.identity.start(sessionId);
      });
    });
    effect(() => {
      const status = this.identityStatus();
      untracked(() => this.identity.adopt(status));
    });
    // Only a decision seen here counts: a candidate approved before the page loaded needs no reload.
    let previous: IdentityStatus | null = null;
    effect(() => {
      const status = this.identity.status();
      if (status === IdentityStatus.Approved && previous !== null && previous !== IdentityStatus.Approved) {
        untracked(() => this.identityApproved.emit());
      }
      if (status !== null) previous = status;
    });
    effect(() => {
      const security = this.security();
      untracked(() => {
        if (security) this.screen.configure(this.sessionId(), security);
        else this.screen.stop();
      });
    });
    // Lockdown reporting starts once the questions have been shown, and ends with the attempt.
    effect(() => {
      const lockdown = this.security()?.browserLockdown === true;
      const open = this.step() === null;
      untracked(() => {
        if (!lockdown) this.lockdown.disarm();
        else if (open) this.lockdown.arm();
      });
    });
  }

  protected sendPhotos(photos: SubmitIdentityBody): void {
    void this.identity.submit(photos);
  }
}
