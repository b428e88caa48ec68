import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionView } from '@invigil/contracts';
import { sessionStatusLabel } from '../shared/status-labels';

@Component({
  selector: 'app-sessions-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      @if (sessions().length) {
        <table class="table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Assessment</th><th scope="col">Status</th><th scope="col">Code</th><th scope="col"><span class="visually-hidden">Open</span></th></tr>
          </thead>
          <tbody>
            @for (session of sessions(); track session.id) {
              <tr [attr.data-testid]="'session-row-' + session.id">
                <td>{{ session.name }}</td>
                <td>{{ session.assessmentTitle }}</td>
                <td><span class="chip" [attr.data-status]="session.status">{{ statusLabel(session.status) }}</span></td>
                <td><code>{{ session.enrollmentCode }}</code></td>
                <td><a [routerLink]="['/proctor/sessions', session.id]" [attr.aria-label]="'Open ' + session.name" data-testid="session-link">Open</a></td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="muted">No sessions yet.</p>
      }
    </section>
  `,
})
export class SessionsList {
  readonly sessions = input.required<SessionView[]>();
  protected readonly statusLabel = sessionStatusLabel;
}
