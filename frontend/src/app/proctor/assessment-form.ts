import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { AssessmentView } from '@invigil/contracts';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { newAssessmentForm, newQuestionForm, QuestionForm, toCreateAssessmentBody } from './assessment-draft';
import { ProctorApi } from './proctor-api';

/** The contract allows at most 10 options per question. */
const maxOptions = 10;

@Component({
  selector: 'app-assessment-form',
  imports: [ReactiveFormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-form.html',
})
export class AssessmentForm {
  private readonly api = inject(ProctorApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly created = output<AssessmentView>();

  protected readonly form = newAssessmentForm(this.fb);
  protected readonly maxOptions = maxOptions;
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly lastCreated = signal<AssessmentView | null>(null);

  protected get questions() {
    return this.form.controls.questions;
  }

  protected addQuestion(): void {
    this.questions.push(newQuestionForm(this.fb));
  }

  protected removeQuestion(index: number): void {
    this.questions.removeAt(index);
  }

  protected addOption(question: QuestionForm): void {
    question.controls.options.push(this.fb.control(''));
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const assessment = await this.api.createAssessment(toCreateAssessmentBody(this.form));
      this.lastCreated.set(assessment);
      this.created.emit(assessment);
      this.startNewDraft();
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to one empty question with two options, so the next assessment inherits nothing. */
  private startNewDraft(): void {
    while (this.questions.length > 1) this.questions.removeAt(1);
    const options = this.questions.at(0).controls.options;
    while (options.length > 2) options.removeAt(2);
    this.form.reset();
  }
}
