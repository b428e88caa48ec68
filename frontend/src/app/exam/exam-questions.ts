import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { CandidateQuestionView } from '@invigil/contracts';

export interface AnswerChoice {
  questionId: string;
  option: number;
}

/** The questions as radio groups; every change is reported at once so it can be saved at once. */
@Component({
  selector: 'app-exam-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="questions">
      @for (question of questions(); track question.id; let i = $index) {
        <li>
          <fieldset class="question" [attr.data-testid]="'exam-question-' + i">
            <legend>
              <span class="question-number">Question {{ i + 1 }}.</span>
              {{ question.prompt }}
              <span class="muted">({{ question.points }} {{ question.points === 1 ? 'point' : 'points' }})</span>
            </legend>
            @for (option of question.options; track $index; let j = $index) {
              <div class="choice">
                <input
                  type="radio"
                  [id]="'exam-question-' + i + '-option-' + j"
                  [name]="'exam-question-' + i"
                  [value]="j"
                  [checked]="selections().get(question.id) === j"
                  (change)="answered.emit({ questionId: question.id, option: j })"
                  [attr.data-testid]="'exam-question-' + i + '-option-' + j"
                />
                <label [for]="'exam-question-' + i + '-option-' + j">{{ option }}</label>
              </div>
            }
          </fieldset>
        </li>
      }
    </ol>
  `,
})
export class ExamQuestions {
  readonly questions = input.required<CandidateQuestionView[]>();
  readonly selections = input.required<ReadonlyMap<string, number>>();
  readonly answered = output<AnswerChoice>();
}
