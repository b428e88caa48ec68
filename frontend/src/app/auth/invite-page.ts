import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { AuthStore, homePathFor } from './auth-store';

/** Landing page of an invitation link (/invite/:token): signs the candidate in once, then opens their exams. */
@Component({
  selector: 'app-invite-page',
  imports: [FormError, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card narrow" aria-labelledby="invite-heading">
      <h1 id="invite-heading">Your invitation</h1>
      @if (error(); as shown) {
        <app-form-error [error]="shown" testId="invite-error" />
        <p><a routerLink="/login" data-testid="invite-login-link">Sign in with your password instead</a></p>
      } @else {
        <p class="muted" role="status" data-testid="invite-status">Signing you in…</p>
      }
    </section>
  `,
})
export class InvitePage implements OnInit {
  readonly token = input.required<string>();
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly error = signal<DisplayedError | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const { user } = await this.auth.acceptInvitation(this.token());
      await this.router.navigateByUrl(homePathFor(user.role), { replaceUrl: true });
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
