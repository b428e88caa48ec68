import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { AnswerValue, CandidateQuestionView, CandidateSectionView, QuestionType } from '@invigil/contracts';

export interface AnswerChange {
  questionId: string;
  answer: AnswerValue;
}

interface NumberedQuestion {
  question: CandidateQuestionView;
  /** 0-based position in the whole assessment: test ids and numbers run across sections. */
  index: number;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/**
 * The questions, grouped by section, each type with its native control (radios, checkboxes,
 * true/false radios, a number input, a text input, a textarea with a word count). Every change is
 * reported at once so it can be saved at once; a newer unsent change replaces an older one in the queue.
 */
@Component({
  selector: 'app-exam-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.section.id) {
      <section class="exam-section" [attr.aria-labelledby]="'exam-section-' + group.section.id" [attr.data-testid]="'exam-section-' + $index">
        @if (groups().length > 1) {
          <h2 [id]="'exam-section-' + group.section.id">{{ group.section.title }}</h2>
        }
        <ol class="questions" [attr.start]="group.items[0].index + 1">
          @for (item of group.items; track item.question.id) {
            @let question = item.question;
            @let i = item.index;
            @let id = 'exam-question-' + i;
            @let value = selections().get(question.id);
            <li>
              <fieldset class="question" [attr.data-testid]="id" [attr.data-type]="question.type">
                <legend>
                  <span class="question-number">Question {{ i + 1 }}.</span>
                  {{ question.prompt }}
                  <span class="muted">({{ question.points }} {{ question.points === 1 ? 'point' : 'points' }})</span>
                </legend>
                @switch (question.type) {
                  @case (types.SingleChoice) {
                    @for (option of question.options; track $index; let j = $index) {
                      <div class="choice">
                        <input
                          type="radio"
                          [id]="id + '-option-' + j"
                          [name]="id"
                          [value]="j"
                          [checked]="value?.selectedOption === j"
                          (change)="answered.emit({ questionId: question.id, answer: { selectedOption: j } })"
                          [attr.data-testid]="id + '-option-' + j"
                        />
                        <label [for]="id + '-option-' + j">{{ option }}</label>
                      </div>
                    }
                  }
                  @case (types.MultipleChoice) {
                    <p class="muted" [id]="id + '-hint'">Select every correct option.</p>
                    @for (option of question.options; track $index; let j = $index) {
                      <div class="choice">
                        <input
                          type="checkbox"
                          [id]="id + '-option-' + j"
                          [checked]="value?.selectedOptions?.includes(j) ?? false"
                          [attr.aria-describedby]="id + '-hint'"
                          (change)="toggle(question.id, value, j, $any($event.target).checked)"
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
                          [checked]="value?.booleanValue === choice"
                          (change)="answered.emit({ questionId: question.id, answer: { booleanValue: choice } })"
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
                        [value]="value?.numberValue ?? ''"
                        (input)="number(question.id, $any($event.target))"
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
                        [value]="value?.text ?? ''"
                        (input)="answered.emit({ questionId: question.id, answer: { text: $any($event.target).value } })"
                        [attr.data-testid]="id + '-text'"
                      />
                    </div>
                  }
                  @case (types.Essay) {
                    @let words = wordsOf(value);
                    <div class="field">
                      <label [for]="id + '-essay'">Your answer</label>
                      <textarea
                        rows="8"
                        [id]="id + '-essay'"
                        [value]="value?.text ?? ''"
                        [attr.aria-describedby]="id + '-words'"
                        (input)="answered.emit({ questionId: question.id, answer: { text: $any($event.target).value } })"
                        [attr.data-testid]="id + '-essay'"
                      ></textarea>
                      <p
                        class="muted"
                        [id]="id + '-words'"
                        [class.error]="question.maxWords !== null && words > question.maxWords"
                        [attr.data-testid]="id + '-words'"
                      >
                        {{ words }} {{ words === 1 ? 'word' : 'words' }}@if (question.maxWords !== null) { of at most {{ question.maxWords }}}
                        @if (question.maxWords !== null && words > question.maxWords) {
                          <span role="alert"> — too long: shorten it to {{ question.maxWords }} words, or it cannot be saved.</span>
                        }
                      </p>
                    </div>
                  }
                }
              </fieldset>
            </li>
          }
        </ol>
      </section>
    }
  `,
})
export class ExamQuestions {
  readonly questions = input.required<CandidateQuestionView[]>();
  /** Empty for views from before sections: everything is then one untitled group. */
  readonly sections = input<CandidateSectionView[]>([]);
  readonly selections = input.required<ReadonlyMap<string, AnswerValue>>();
  readonly answered = output<AnswerChange>();

  protected readonly types = QuestionType;

  protected readonly groups = computed(() => {
    const sections = this.sections();
    const numbered: NumberedQuestion[] = this.questions().map((question, index) => ({ question, index }));
    const known = sections.filter((section) => numbered.some((item) => item.question.sectionId === section.id));
    if (known.length === 0) return numbered.length ? [{ section: { id: 'all', title: '' }, items: numbered }] : [];
    return known.map((section) => ({ section, items: numbered.filter((item) => item.question.sectionId === section.id) }));
  });

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
