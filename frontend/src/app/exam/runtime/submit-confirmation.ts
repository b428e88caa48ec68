import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';

export interface ListedQuestion {
  number: number;
  prompt: string;
}

/** Last check before submitting: names every question still without an answer or flagged for review. */
@Component({
  selector: 'app-submit-confirmation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card confirm" role="region" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" tabindex="-1" #heading>Submit your answers?</h2>
      @if (unanswered().length) {
        <p>
          You have not answered {{ unanswered().length }} {{ unanswered().length === 1 ? 'question' : 'questions' }}:
        </p>
        <ul data-testid="unanswered-list">
          @for (question of unanswered(); track question.number) {
            <li>Question {{ question.number }}: {{ question.prompt }}</li>
          }
        </ul>
      } @else {
        <p>Every question has an answer.</p>
      }
      @if (flagged().length) {
        <p>You flagged {{ flagged().length }} {{ flagged().length === 1 ? 'question' : 'questions' }} for review:</p>
        <ul data-testid="flagged-list">
          @for (question of flagged(); track question.number) {
            <li>Question {{ question.number }}: {{ question.prompt }}</li>
          }
        </ul>
      }
      <p>After submitting you cannot change your answers.</p>
      @if (waitingForSaves()) {
        <p class="notice" role="status">Waiting until all your answers are saved…</p>
      }
      <div class="actions">
        <button
          type="button"
          class="primary"
          [disabled]="busy()"
          (click)="confirmed.emit()"
          data-testid="exam-confirm-submit"
        >
          {{ busy() ? 'Submitting…' : 'Submit now' }}
        </button>
        <button type="button" [disabled]="busy()" (click)="cancelled.emit()">Keep answering</button>
      </div>
    </section>
  `,
})
export class SubmitConfirmation {
  readonly unanswered = input.required<ListedQuestion[]>();
  readonly flagged = input<ListedQuestion[]>([]);
  readonly busy = input(false);
  readonly waitingForSaves = input(false);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    // Keyboard and screen-reader users land on the question they must answer next.
    afterNextRender(() => this.heading().nativeElement.focus());
  }
}
