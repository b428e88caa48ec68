import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** Browser lockdown, candidate side: the exam is shown only in fullscreen. */
@Component({
  selector: 'app-fullscreen-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card security-step" aria-labelledby="fullscreen-heading" data-testid="fullscreen-step">
      <h2 id="fullscreen-heading">Full screen</h2>
      @if (left()) {
        <div class="form-error" role="alert" data-testid="fullscreen-exited">
          <p>You left full screen. The exam is hidden until you return; your proctor has been notified.</p>
        </div>
      } @else {
        <p>
          This exam runs in full screen. While it runs, switching to another tab or window, copying, pasting, printing
          and opening developer tools are blocked where possible and reported to your proctor.
        </p>
      }
      @if (error(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
      }
      <div class="actions">
        <button type="button" class="primary" (click)="enter.emit()" data-testid="enter-fullscreen">
          {{ left() ? 'Return to full screen' : 'Enter full screen and start' }}
        </button>
      </div>
    </section>
  `,
})
export class FullscreenStep {
  readonly left = input(false);
  readonly error = input<string | null>(null);
  readonly enter = output<void>();
}
