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
  templateUrl: './submit-confirmation.html',
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
