import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ResultQuestionView } from '@invigil/contracts';

/** Each question of a released result, as far as the session shows it: right or wrong, the key, feedback. */
@Component({
  selector: 'app-exam-result-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="result-questions" data-testid="exam-result-questions">
      @for (q of questions(); track q.questionId) {
        <li [attr.data-testid]="'exam-result-question-' + q.number">
          Question {{ q.number }}
          @if (q.correct !== null) {
            <span data-testid="exam-result-question-correct">{{ q.correct ? 'Correct' : 'Incorrect' }}</span>
            ({{ q.points }} of {{ q.maxPoints }})
          }
          @if (q.correctAnswer !== null) {
            <span data-testid="exam-result-question-answer">Correct answer: {{ q.correctAnswer }}</span>
          }
          @if (q.feedback) {
            <p class="feedback" data-testid="exam-result-question-feedback">Feedback: {{ q.feedback }}</p>
          }
        </li>
      }
    </ol>
  `,
})
export class ExamResultQuestions {
  readonly questions = input.required<ResultQuestionView[]>();
}
