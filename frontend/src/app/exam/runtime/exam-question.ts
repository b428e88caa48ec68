import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AnswerValue, CandidateQuestionView, QuestionType } from '@invigil/contracts';

export interface AnswerChange {
  questionId: string;
  answer: AnswerValue;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/**
 * One question with the native control of its type (radios, checkboxes, true/false radios, a number
 * input, a text input, a textarea with a word count). Every change is reported at once so it can be
 * saved at once; a newer unsent change replaces an older one in the queue.
 */
@Component({
  selector: 'app-exam-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    @let i = index();
    @let id = 'exam-question-' + i;
    @let current = value();
    <fieldset class="question" [attr.data-testid]="id" [attr.data-type]="q.type" [disabled]="disabled()">
      <legend>
        <span class="question-number">Question {{ i + 1 }}.</span>
        {{ q.prompt }}
        <span class="muted">({{ q.points }} {{ q.points === 1 ? 'point' : 'points' }})</span>
      </legend>
      @switch (q.type) {
        @case (types.SingleChoice) {
          @for (option of q.options; track $index; let j = $index) {
            <div class="choice">
              <input
                type="radio"
                [id]="id + '-option-' + j"
                [name]="id"
                [value]="j"
                [checked]="current?.selectedOption === j"
                (change)="answered.emit({ questionId: q.id, answer: { selectedOption: j } })"
                [attr.data-testid]="id + '-option-' + j"
              />
              <label [for]="id + '-option-' + j">{{ option }}</label>
            </div>
          }
        }
        @case (types.MultipleChoice) {
          <p class="muted" [id]="id + '-hint'">Select every correct option.</p>
          @for (option of q.options; track $index; let j = $index) {
            <div class="choice">
              <input
                type="checkbox"
                [id]="id + '-option-' + j"
                [checked]="current?.selectedOptions?.includes(j) ?? false"
                [attr.aria-describedby]="id + '-hint'"
                (change)="toggle(q.id, current, j, $any($event.target).checked)"
                [attr.data-testid]="id + '-option-' + j"
              />
              <label [for]="id + '-option-' + j">{{ option }}</label>
            </div>
          }
        }
        @case (types.TrueFalse) {
          @for (choice of [true, false]; track choice) {
            <div class="choice">
              <input
                type="radio"
                [id]="id + '-' + choice"
                [name]="id"
                [checked]="current?.booleanValue === choice"
                (change)="answered.emit({ questionId: q.id, answer: { booleanValue: choice } })"
                [attr.data-testid]="id + '-' + choice"
              />
              <label [for]="id + '-' + choice">{{ choice ? 'True' : 'False' }}</label>
            </div>
          }
        }
        @case (types.Numeric) {
          <div class="field">
            <label [for]="id + '-number'">Your answer (a number)</label>
            <input
              type="number"
              step="any"
              inputmode="decimal"
              [id]="id + '-number'"
              [value]="current?.numberValue ?? ''"
              (input)="number(q.id, $any($event.target))"
              [attr.data-testid]="id + '-number'"
            />
          </div>
        }
        @case (types.ShortText) {
          <div class="field">
            <label [for]="id + '-text'">Your answer</label>
            <input
              type="text"
              maxlength="1000"
              [id]="id + '-text'"
              [value]="current?.text ?? ''"
              (input)="answered.emit({ questionId: q.id, answer: { text: $any($event.target).value } })"
              [attr.data-testid]="id + '-text'"
            />
          </div>
        }
        @case (types.Essay) {
          @let words = wordsOf(current);
          <div class="field">
            <label [for]="id + '-essay'">Your answer</label>
            <textarea
              rows="8"
              [id]="id + '-essay'"
              [value]="current?.text ?? ''"
              [attr.aria-describedby]="id + '-words'"
              (input)="answered.emit({ questionId: q.id, answer: { text: $any($event.target).value } })"
              [attr.data-testid]="id + '-essay'"
            ></textarea>
            <p
              class="muted"
              [id]="id + '-words'"
              [class.error]="q.maxWords !== null && words > q.maxWords"
              [attr.data-testid]="id + '-words'"
            >
              {{ words }} {{ words === 1 ? 'word' : 'words' }}
              @if (q.maxWords !== null) {
                of at most {{ q.maxWords }}
              }
              @if (q.maxWords !== null && words > q.maxWords) {
                <span role="alert"> — too long: shorten it to {{ q.maxWords }} words, or it cannot be saved.</span>
              }
            </p>
          </div>
        }
      }
    </fieldset>
  `,
})
export class ExamQuestion {
  readonly question = input.required<CandidateQuestionView>();
  /** 0-based position in the whole assessment: test ids and numbers run across sections. */
  readonly index = input.required<number>();
  readonly value = input<AnswerValue | undefined>(undefined);
  /** Time over, paused or taken over: the answer is shown but cannot change. */
  readonly disabled = input(false);
  readonly answered = output<AnswerChange>();

  protected readonly types = QuestionType;

  protected toggle(questionId: string, current: AnswerValue | undefined, option: number, checked: boolean): void {
    const chosen = new Set(current?.selectedOptions ?? []);
    if (checked) chosen.add(option);
    else chosen.delete(option);
    this.answered.emit({ questionId, answer: { selectedOptions: [...chosen].sort((a, b) => a - b) } });
  }

  /** A half-typed number ("-", "1e") is not sent; the last valid number stays saved. */
  protected number(questionId: string, input: HTMLInputElement): void {
    if (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber)) return;
    this.answered.emit({ questionId, answer: { numberValue: input.valueAsNumber } });
  }

  protected wordsOf(value: AnswerValue | undefined): number {
    return countWords(value?.text ?? '');
  }
}
