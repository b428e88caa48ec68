import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { PaletteGroup } from './question-palette';

/**
 * Every question as a button, grouped by section: answered, flagged and current are shown by shape
 * and text as well as colour, and each button says all three to a screen reader.
 */
@Component({
  selector: 'app-exam-palette',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="palette" aria-label="Questions">
      @for (group of groups(); track group.sectionId) {
        <div class="palette-group" role="group" [attr.aria-label]="group.title || 'All questions'">
          @if (group.title) {
            <h2 class="palette-title">{{ group.title }}</h2>
          }
          <ul>
            @for (item of group.items; track item.questionId) {
              <li>
                <button
                  type="button"
                  class="palette-button"
                  [class.answered]="item.answered"
                  [class.flagged]="item.flagged"
                  [attr.aria-current]="item.current ? 'step' : null"
                  [attr.aria-label]="item.label"
                  [attr.data-testid]="'exam-palette-' + item.index"
                  [attr.data-answered]="item.answered"
                  [attr.data-flagged]="item.flagged"
                  (click)="picked.emit(item.questionId)"
                >
                  {{ item.index + 1 }}
                  @if (item.flagged) {
                    <span aria-hidden="true">⚑</span>
                  }
                </button>
              </li>
            }
          </ul>
        </div>
      }
      <p class="muted palette-legend" aria-hidden="true">Filled: answered · ⚑ flagged for review · outlined: current</p>
    </nav>
  `,
})
export class ExamPalette {
  readonly groups = input.required<PaletteGroup[]>();
  readonly picked = output<string>();
}
