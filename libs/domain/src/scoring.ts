import type { AnswerValue, ScoringKeyQuestion } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';

export interface SubmittedAnswerValue {
  questionId: string;
  answer: AnswerValue;
}

export interface ScoreOutcome {
  /** Points earned on automatically scored questions. */
  score: number;
  /** Points of every question, essays included. */
  maxScore: number;
  /** Rounded to one decimal place; of maxScore, so provisional while essays await review. */
  percent: number;
  /** Points of essays, which a reviewer marks by hand. */
  pendingReview: number;
  /** Never true while essays await review: passing (and a certificate) waits for the reviewer. */
  passed: boolean;
}

/** Whether one answer earns its question's points. Essays are never auto-scored (always false). */
export function isCorrect(question: ScoringKeyQuestion, answer: AnswerValue | undefined): boolean {
  if (!answer) return false;
  switch (question.type) {
    case QuestionType.SingleChoice:
      return answer.selectedOption === question.correctOption;
    case QuestionType.MultipleChoice: {
      // All or nothing: exactly the correct set, no partial credit and no penalty beyond losing the question.
      if (!Array.isArray(answer.selectedOptions)) return false;
      const chosen = new Set(answer.selectedOptions);
      const correct = new Set(question.correctOptions);
      return chosen.size === correct.size && [...correct].every((index) => chosen.has(index));
    }
    case QuestionType.TrueFalse:
      return typeof answer.booleanValue === 'boolean' && answer.booleanValue === question.correctBoolean;
    case QuestionType.Numeric:
      return (
        typeof answer.numberValue === 'number' &&
        Number.isFinite(answer.numberValue) &&
        // A small epsilon so 0.1 + 0.2 against 0.3 with tolerance 0 still counts.
        Math.abs(answer.numberValue - question.correctNumber) <= question.tolerance + 1e-9
      );
    case QuestionType.ShortText: {
      if (typeof answer.text !== 'string') return false;
      const normalise = (text: string) => (question.caseSensitive ? text.trim() : text.trim().toLowerCase());
      const given = normalise(answer.text);
      return given.length > 0 && question.acceptedAnswers.some((accepted) => normalise(accepted) === given);
    }
    case QuestionType.Essay:
      return false;
  }
}

/**
 * Marks answers against their keys; unanswered and unknown questions earn nothing.
 * Essays add their points to maxScore and to pendingReview; while any are pending the attempt is not passed.
 * An assessment without essays passes when percent ≥ passingPercent, as before.
 */
export function scoreAnswers(
  questions: ScoringKeyQuestion[],
  answers: SubmittedAnswerValue[],
  passingPercent: number,
): ScoreOutcome {
  const given = new Map(answers.map((answer) => [answer.questionId, answer.answer]));
  let score = 0;
  let maxScore = 0;
  let pendingReview = 0;
  for (const question of questions) {
    maxScore += question.points;
    if (question.type === QuestionType.Essay) pendingReview += question.points;
    else if (isCorrect(question, given.get(question.id))) score += question.points;
  }
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, pendingReview, passed: pendingReview === 0 && percent >= passingPercent };
}
