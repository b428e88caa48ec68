import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { FormError } from '../shared/form-error';
import { AuthStore, homePathFor } from './auth-store';

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({ email: '', password: '' });
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const user = await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(homePathFor(user.role));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
