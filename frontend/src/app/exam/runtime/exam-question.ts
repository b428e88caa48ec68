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
  templateUrl: './exam-question.html',
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
