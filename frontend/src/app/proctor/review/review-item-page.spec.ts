import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { ReviewItemView } from '@invigil/contracts';
import { ReviewState } from '@invigil/contracts';
import { byTestId, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { setUpPanel } from '../../../testing/security-panels';
import { ReviewItemPage } from './review-item-page';

const essay: ReviewItemView = {
  id: 'i1',
  sessionId: 's1',
  questionId: 'q1',
  questionNumber: 2,
  state: ReviewState.NeedsReview,
  points: null,
  maxPoints: 4,
  candidate: { candidateKey: 'k1', pseudonym: 'Candidate 7F3A09', displayName: null },
  prompt: 'Explain osmosis',
  answerText: '<b>Water</b> moves\nacross',
  rubric: {
    criteria: [
      {
        title: 'Accuracy',
        levels: [
          { label: 'Wrong', points: 0 },
          { label: 'Right', points: 2 },
        ],
      },
      {
        title: 'Clarity',
        levels: [
          { label: 'Muddled', points: 0 },
          { label: 'Clear', points: 2 },
        ],
      },
    ],
  },
  reviewerGuidance: null,
  rubricLevels: null,
  feedback: null,
  reviewedAt: null,
  savedComments: ['Name the membrane.'],
  marks: [],
  nextItemId: 'i2',
};

describe('ReviewItemPage', () => {
  let fixture: ComponentFixture<ReviewItemPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(ReviewItemPage));
    fixture.componentRef.setInput('itemId', 'i1');
    await fixture.whenStable();
    http.expectOne('/api/review/items/i1').flush(essay);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const click = async (testId: string) => {
    byTestId(fixture, testId).click();
    await settle(fixture);
  };

  it('shows the answer as text and the pseudonym, never markup or a name', () => {
    expect(byTestId(fixture, 'review-item-answer').textContent).toBe('<b>Water</b> moves\nacross');
    expect(queryTestId(fixture, 'review-item-answer')?.querySelector('b')).toBeNull();
    expect(textOf(fixture, 'review-item-candidate')).toBe('Candidate 7F3A09');
  });

  it('sends one level per criterion with a picked comment, then offers the next answer', async () => {
    await click('review-level-0-1');
    expect(textOf(fixture, 'review-rubric-total')).toContain('choose a level');
    await click('review-level-1-0');
    expect(textOf(fixture, 'review-rubric-total')).toContain('2 of 4 points');
    await click('review-use-comment');
    await click('review-save-comment');
    await click('review-save');
    const request = http.expectOne('/api/review/items/i1/mark');
    expect(request.request.body).toEqual({
      rubricLevels: [1, 0],
      feedback: 'Name the membrane.',
      saveComment: true,
    });
    request.flush({ ...essay, state: ReviewState.Reviewed, points: 2, rubricLevels: [1, 0] });
    await settle(fixture);
    expect(textOf(fixture, 'review-saved')).toBe('Saved: 2 of 4 points.');
    expect(queryTestId(fixture, 'review-next')).not.toBeNull();
  });

  it('shows the refusal with each problem, and keeps what was typed', async () => {
    typeInto(fixture, 'review-points', '9');
    await click('review-save');
    http.expectOne('/api/review/items/i1/mark').flush(
      {
        statusCode: 400,
        message: 'The mark was not saved: fix what is listed and send it again.',
        details: ["points: a mark cannot be above the question's 4 points"],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'review-item-error')).toContain("points: a mark cannot be above the question's 4 points");
    expect(byTestId<HTMLInputElement>(fixture, 'review-points').value).toBe('9');
    expect(queryTestId(fixture, 'review-saved')).toBeNull();
  });
});
