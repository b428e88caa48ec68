import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DisplayedError } from './http-error';

/** A failed request's message and field problems, announced to screen readers as they appear. */
@Component({
  selector: 'app-form-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as shown) {
      <div class="form-error" role="alert" [attr.data-testid]="testId()">
        <p>{{ shown.message }}</p>
        @if (shown.details.length) {
          <ul>
            @for (line of shown.details; track $index) {
              <li>{{ line }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class FormError {
  readonly error = input.required<DisplayedError | null>();
  readonly testId = input('form-error');
}
