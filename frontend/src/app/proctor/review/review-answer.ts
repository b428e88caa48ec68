import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ReviewItemView } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';
import { markRoleLabels } from './review-format';

/**
 * What the reviewer reads: the question, the reviewer's guidance, where double marking stands (with
 * the marks once they may be seen) and the candidate's answer as plain text.
 */
@Component({
  selector: 'app-review-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
  `,
  templateUrl: './review-answer.html',
})
export class ReviewAnswer {
  readonly item = input.required<ReviewItemView>();

  protected readonly states = ReviewState;
  protected readonly roleLabel = markRoleLabels;
}
