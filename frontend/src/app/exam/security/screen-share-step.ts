import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ScreenShareState } from './screen-monitor';

const problems: Partial<Record<ScreenShareState, string>> = {
  'wrong-surface':
    'You shared a window or a browser tab. This exam needs your entire screen: press the button again and pick "Entire screen".',
  denied: 'Screen sharing was not allowed. Press the button again and allow sharing your entire screen.',
  unsupported: 'This browser cannot share the screen. Use a current Chrome, Edge or Firefox on a computer.',
};

/** Screen monitoring, candidate side: share the entire screen before the exam, and again if it stops. */
@Component({
  selector: 'app-screen-share-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card security-step" aria-labelledby="screen-heading" data-testid="screen-share-step">
      <h2 id="screen-heading">Share your screen</h2>
      @if (state() === 'stopped') {
        <div class="form-error" role="alert" data-testid="screen-share-stopped">
          <p>
            You stopped sharing your screen. The exam is hidden until you share it again; your proctor has been
            notified.
          </p>
        </div>
      } @else {
        <p>
          Your proctor monitors this exam: a small picture of your screen is sent regularly while you work. Share your
          entire screen, not a window or a tab.
        </p>
      }
      @if (problem(); as message) {
        <p class="field-error" role="alert" data-testid="screen-share-error">{{ message }}</p>
      }
      <div class="actions">
        <button
          type="button"
          class="primary"
          (click)="share.emit()"
          [disabled]="state() === 'requesting'"
          data-testid="screen-share-start"
        >
          {{ state() === 'stopped' ? 'Share your entire screen again' : 'Share your entire screen' }}
        </button>
      </div>
    </section>
  `,
})
export class ScreenShareStep {
  readonly state = input.required<ScreenShareState>();
  readonly share = output<void>();
  protected readonly problem = computed(() => problems[this.state()] ?? null);
}
