import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { AttemptView, IdentityStatus } from '@invigil/contracts';

/**
 * Stands between the candidate and the exam while the session's security options are unmet
 * (identity verification, screen sharing, fullscreen lockdown). Until those steps exist it shows
 * the exam as it is.
 */
@Component({
  selector: 'app-exam-security-gate',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ng-content />`,
})
export class ExamSecurityGate {
  readonly sessionId = input.required<string>();
  readonly identityStatus = input<IdentityStatus | null>(null);
  readonly attempt = input<AttemptView | null>(null);
}
