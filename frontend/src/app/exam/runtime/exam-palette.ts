import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { PaletteGroup } from './question-palette';

/**
 * Every question as a button, grouped by section: answered, flagged and current are shown by shape
 * and text as well as colour, and each button says all three to a screen reader.
 */
@Component({
  selector: 'app-exam-palette',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-palette.html',
})
export class ExamPalette {
  readonly groups = input.required<PaletteGroup[]>();
  readonly picked = output<string>();
}
