export interface KeyedQuestion {
  id: string;
  correctOption: number;
  points: number;
}

export interface ChoiceAnswer {
  questionId: string;
  selectedOption: number;
}

export interface ScoreOutcome {
  score: number;
  maxScore: number;
  /** Rounded to one decimal place. */
  percent: number;
  passed: boolean;
}

/** Marks single-choice answers against their keys; unanswered and unknown questions earn nothing. */
export function scoreChoiceAnswers(questions: KeyedQuestion[], answers: ChoiceAnswer[], passingPercent: number): ScoreOutcome {
  const chosen = new Map(answers.map((answer) => [answer.questionId, answer.selectedOption]));
  let score = 0;
  let maxScore = 0;
  for (const question of questions) {
    maxScore += question.points;
    if (chosen.get(question.id) === question.correctOption) score += question.points;
  }
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, passed: percent >= passingPercent };
}
