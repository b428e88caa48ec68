import type { ResultQuestionView, ResultVisibility, ScoringKeyQuestion } from '@invigil/contracts';
import { QuestionType, ReleasePolicy } from '@invigil/contracts';
import type { SubmittedAnswerValue } from './scoring';
import { isCorrect } from './scoring';

/** A session's results are held until reviews are done unless its proctor chooses otherwise. */
export const DEFAULT_RELEASE_POLICY = ReleasePolicy.AfterReviews;

/** Score and pass/fail with the reviewers' feedback; which answers were right, and the key, stay hidden. */
export const DEFAULT_VISIBILITY: Readonly<ResultVisibility> = {
  score: true,
  passFail: true,
  questionCorrectness: false,
  correctAnswers: false,
  feedback: true,
};

export interface ReleaseState {
  policy: ReleasePolicy;
  /** Set by the proctor's Release (or when `after_reviews` released by itself). */
  releasedAt: Date | null;
  /** Answers of the whole session still awaiting a reviewer. */
  answersAwaitingReview: number;
}

/** Whether candidates see the session's results now. */
export function isReleased(state: ReleaseState): boolean {
  if (state.releasedAt) return true;
  if (state.policy === ReleasePolicy.Immediately) return true;
  return state.policy === ReleasePolicy.AfterReviews && state.answersAwaitingReview === 0;
}

/**
 * Whether one candidate sees their result: the session is released and, under `after_reviews`, the
 * result itself awaits no review (a candidate who submits after the session was released waits for
 * their own marks).
 */
export function isResultReleased(state: ReleaseState, resultAwaitingReview: number): boolean {
  if (!isReleased(state)) return false;
  return state.policy !== ReleasePolicy.AfterReviews || resultAwaitingReview === 0;
}

/** Why the proctor's Release is refused, or null when it may go ahead. */
export function releaseRefusal(state: ReleaseState, results: number): string | null {
  if (results === 0) return 'No result of this session has been scored yet: release once candidates have submitted.';
  if (state.policy === ReleasePolicy.AfterReviews && state.answersAwaitingReview > 0) {
    const n = state.answersAwaitingReview;
    return (
      `${n} ${n === 1 ? 'answer awaits' : 'answers await'} review, and this session releases results after every ` +
      'review: mark them first, or change the release policy to manual.'
    );
  }
  return null;
}

/** One question of a scored attempt, as staff see it; `visibleQuestions` cuts it down for the candidate. */
export type QuestionOutcome = ResultQuestionView;

/** The automatic part of each question's outcome (essays and short answers get their marks from review). */
export function questionOutcomes(questions: ScoringKeyQuestion[], answers: SubmittedAnswerValue[]): QuestionOutcome[] {
  const given = new Map(answers.map((answer) => [answer.questionId, answer.answer]));
  return questions.map((question, index) => {
    const essay = question.type === QuestionType.Essay;
    const correct = essay ? null : isCorrect(question, given.get(question.id));
    return {
      questionId: question.id,
      number: index + 1,
      points: correct ? question.points : 0,
      maxPoints: question.points,
      correct,
      correctAnswer: correctAnswerText(question),
      feedback: null,
    };
  });
}

const letter = (index: number) => String.fromCharCode(65 + index);

/** The key in words: "B", "A, C", "true", "42 (± 0.5)", "Paris or paris"; essays have none. */
export function correctAnswerText(question: ScoringKeyQuestion): string | null {
  switch (question.type) {
    case QuestionType.SingleChoice:
      return letter(question.correctOption);
    case QuestionType.MultipleChoice:
      return [...question.correctOptions]
        .sort((a, b) => a - b)
        .map(letter)
        .join(', ');
    case QuestionType.TrueFalse:
      return String(question.correctBoolean);
    case QuestionType.Numeric:
      return question.tolerance > 0
        ? `${question.correctNumber} (± ${question.tolerance})`
        : `${question.correctNumber}`;
    case QuestionType.ShortText:
      return question.acceptedAnswers.join(' or ');
    default:
      return null;
  }
}

/** What the candidate may see of each question: nothing unless correctness, answers or feedback are shown. */
export function visibleQuestions(outcomes: QuestionOutcome[], shown: ResultVisibility): QuestionOutcome[] | null {
  if (!shown.questionCorrectness && !shown.correctAnswers && !shown.feedback) return null;
  return outcomes.map((outcome) => ({
    ...outcome,
    points: shown.questionCorrectness ? outcome.points : 0,
    correct: shown.questionCorrectness ? outcome.correct : null,
    correctAnswer: shown.correctAnswers ? outcome.correctAnswer : null,
    feedback: shown.feedback ? outcome.feedback : null,
  }));
}

/** Characters a spreadsheet reads as the start of a formula (or that can hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with `'`, so `=HYPERLINK("x")` shows as text instead of running. Numbers are left as they are.
 */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
