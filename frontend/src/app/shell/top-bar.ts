import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../auth/auth-store';

@Component({
  selector: 'app-top-bar',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="top-bar">
      <a class="brand" routerLink="/">Invigil</a>
      @if (auth.user(); as user) {
        <div class="top-bar__user">
          <span data-testid="nav-user-name">{{ user.displayName }}</span>
          <span class="muted">({{ user.role }})</span>
          <button type="button" (click)="auth.logout()" data-testid="nav-logout">Log out</button>
        </div>
      }
    </header>
  `,
})
export class TopBar {
  protected readonly auth = inject(AuthStore);
}
