import type { ComponentFixture } from '@angular/core/testing';
import type { ResultView } from '@invigil/contracts';
import { queryTestId, textOf } from '../../../testing/dom';
import { setUpPanel } from '../../../testing/security-panels';
import { ExamResult } from './exam-result';

const result: ResultView = {
  id: 'r1',
  sessionId: 's1',
  userId: 'u1',
  released: false,
  score: null,
  maxScore: null,
  percent: null,
  passed: null,
  pendingReview: 0,
  awaitingReview: false,
  answersAwaitingReview: 0,
  scoredAt: '2026-12-04T10:00:00.000Z',
  certificate: null,
  questions: null,
};

describe('ExamResult', () => {
  let fixture: ComponentFixture<ExamResult>;

  async function show(view: ResultView): Promise<void> {
    ({ fixture } = setUpPanel(ExamResult));
    fixture.componentRef.setInput('result', view);
    await fixture.whenStable();
  }

  it('says the proctor publishes the result, and shows no score, until it is released', async () => {
    await show(result);
    expect(textOf(fixture, 'exam-result-held')).toBe('Your result will be published by your proctor.');
    expect(queryTestId(fixture, 'exam-result-score')).toBeNull();
  });

  it('once released, shows only what the release allows: no score here, the outcome and the key', async () => {
    await show({
      ...result,
      released: true,
      passed: true,
      questions: [
        { questionId: 'q1', number: 1, points: 1, maxPoints: 1, correct: true, correctAnswer: 'B', feedback: null },
      ],
    });
    expect(queryTestId(fixture, 'exam-result-score')).toBeNull();
    expect(textOf(fixture, 'exam-result-outcome')).toBe('Passed');
    expect(textOf(fixture, 'exam-result-question-correct')).toBe('Correct');
    expect(textOf(fixture, 'exam-result-question-answer')).toBe('Correct answer: B');
  });
});
