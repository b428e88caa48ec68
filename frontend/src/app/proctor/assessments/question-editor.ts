import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { QuestionType } from '@invigil/contracts';
import { isChoiceType, QuestionForm, questionTypeLabels } from './assessment-draft';
import { RubricEditor } from './rubric-editor';

/** The contract allows at most 10 options per question. */
const maxOptions = 10;

const noProblems: ReadonlyMap<string, string> = new Map();

/**
 * One question of an assessment being written: its type, points, prompt and the fields of the chosen type.
 * The question's form group belongs to the assessment form; this only edits it in place.
 */
@Component({
  selector: 'app-question-editor',
  imports: [ReactiveFormsModule, RubricEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // A custom element is inline by default; the fieldset inside must stack like the sections around it.
  styles: `
    :host {
      display: block;
    }
  `,
  templateUrl: './question-editor.html',
})
export class QuestionEditor {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly question = input.required<QuestionForm>();
  /** Position across all sections; it numbers the question and its test ids. */
  readonly index = input.required<number>();
  /** Server problems by the question's field name ("prompt", "options", …), shown next to each field. */
  readonly problems = input<ReadonlyMap<string, string>>(noProblems);
  /** False for a section's only question: a section needs at least one. */
  readonly removable = input(false);
  /** The author asked to remove this question; its section owns the list, so it removes it. */
  readonly remove = output();

  protected readonly id = computed(() => `question-${this.index()}`);
  protected readonly maxOptions = maxOptions;
  protected readonly types = QuestionType;
  protected readonly typeOptions = Object.values(QuestionType).map((type) => ({
    type,
    label: questionTypeLabels[type],
  }));
  protected readonly isChoice = isChoiceType;

  /** Every problem the server found in the rubric, with where it is ("criteria.0.title: …"). */
  protected readonly rubricProblems = computed(() =>
    [...this.problems()]
      .filter(([field]) => field === 'rubric' || field.startsWith('rubric.'))
      .map(([field, message]) => (field === 'rubric' ? message : `${field.slice('rubric.'.length)}: ${message}`)),
  );

  protected problem(field: string): string | null {
    return this.problems().get(field) ?? null;
  }

  protected addOption(): void {
    const { options, correctOptions } = this.question().controls;
    options.push(this.fb.control(''));
    correctOptions.push(this.fb.control(false));
  }

  /** The single-choice answer follows its option when an earlier one goes, and moves up when its own goes. */
  protected removeOption(index: number): void {
    const { options, correctOptions, correctOption } = this.question().controls;
    options.removeAt(index);
    correctOptions.removeAt(index);
    const correct = Number(correctOption.value);
    if (correct >= index && correct > 0) correctOption.setValue(String(correct - 1));
  }
}
