import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';

let nextId = 0;

/**
 * A message that covers the exam until the situation changes (a pause, another window). The page makes
 * everything behind it inert; focus moves into it so keyboard and screen-reader users land on it.
 */
@Component({
  selector: 'app-exam-blocker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="blocker-backdrop">
      <div
        class="card blocker"
        role="alertdialog"
        aria-modal="true"
        [attr.aria-labelledby]="headingId"
        [attr.aria-describedby]="bodyId"
        [attr.data-testid]="testId()"
      >
        <h2 [id]="headingId" tabindex="-1" #title>{{ heading() }}</h2>
        <div [id]="bodyId"><ng-content /></div>
      </div>
    </div>
  `,
})
export class ExamBlocker {
  readonly heading = input.required<string>();
  readonly testId = input.required<string>();

  protected readonly headingId = `exam-blocker-${++nextId}`;
  protected readonly bodyId = `${this.headingId}-body`;
  private readonly headingElement = viewChild.required<ElementRef<HTMLElement>>('title');

  constructor() {
    afterNextRender(() => this.headingElement().nativeElement.focus());
  }
}
