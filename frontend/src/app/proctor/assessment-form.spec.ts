import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AssessmentView, QuestionType } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../testing/dom';
import { AssessmentForm } from './assessment-form';

describe('AssessmentForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AssessmentForm>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AssessmentForm],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AssessmentForm);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('starts with one question of two options, and adds another question on request', async () => {
    expect(queryTestId(fixture, 'question-0-option-1')).not.toBeNull();
    expect(queryTestId(fixture, 'question-0-option-2')).toBeNull();
    expect(queryTestId(fixture, 'question-1-prompt')).toBeNull();

    byTestId(fixture, 'assessment-add-question').click();
    await fixture.whenStable();

    expect(queryTestId(fixture, 'question-1-option-1')).not.toBeNull();
    const choices = byTestId<HTMLSelectElement>(fixture, 'question-1-correct').options;
    expect(Array.from(choices).map((option) => option.value)).toEqual(['0', '1']);
  });

  it('sends the questions with numeric answer keys and shows what was created', async () => {
    const created = jest.fn();
    fixture.componentInstance.created.subscribe(created);
    typeInto(fixture, 'assessment-title', 'Arithmetic');
    typeInto(fixture, 'assessment-passing', '50');
    typeInto(fixture, 'question-0-prompt', 'What is 2 + 2?');
    typeInto(fixture, 'question-0-option-0', '3');
    typeInto(fixture, 'question-0-option-1', '4');
    chooseOption(fixture, 'question-0-correct', '1');
    byTestId(fixture, 'assessment-create').click();

    const request = http.expectOne({ method: 'POST', url: '/api/assessments' });
    expect(request.request.body).toEqual({
      title: 'Arithmetic',
      passingPercent: 50,
      questions: [{ type: QuestionType.SingleChoice, prompt: 'What is 2 + 2?', options: ['3', '4'], correctOption: 1, points: 1 }],
    });
    const assessment: AssessmentView = {
      id: 'a1',
      orgId: 'o1',
      title: 'Arithmetic',
      currentVersionId: 'v1',
      version: 1,
      questionCount: 1,
      passingPercent: 50,
      createdAt: '2026-01-01T09:00:00.000Z',
    };
    request.flush(assessment);
    await settle(fixture);

    expect(textOf(fixture, 'assessment-created')).toContain('Arithmetic');
    expect(created).toHaveBeenCalledWith(assessment);
    expect(byTestId<HTMLInputElement>(fixture, 'assessment-title').value).toBe('');
  });

  it("shows the server's validation problems next to the form", async () => {
    byTestId(fixture, 'assessment-create').click();
    http.expectOne('/api/assessments').flush(
      { statusCode: 400, error: 'VALIDATION_FAILED', message: 'The assessment is not valid.', details: ['title: title must not be empty'] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(textOf(fixture, 'form-error')).toContain('The assessment is not valid.');
    expect(textOf(fixture, 'form-error')).toContain('title: title must not be empty');
  });
});
