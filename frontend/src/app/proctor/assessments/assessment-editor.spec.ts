import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AssessmentDetailView, AssessmentView } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { AssessmentEditor } from './assessment-editor';

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

describe('AssessmentEditor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AssessmentEditor>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AssessmentEditor],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AssessmentEditor);
    fixture.componentRef.setInput('assessments', [assessment]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const check = (testId: string) => byTestId<HTMLInputElement>(fixture, testId).click();

  it('starts with one single-choice question of two options, and adds another question on request', async () => {
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
      sections: [
        {
          title: 'Section 1',
          questions: [
            {
              type: QuestionType.SingleChoice,
              prompt: 'What is 2 + 2?',
              options: ['3', '4'],
              correctOption: 1,
              points: 1,
            },
          ],
        },
      ],
    });
    request.flush(assessment);
    await settle(fixture);

    expect(textOf(fixture, 'assessment-created')).toContain('Arithmetic');
    expect(created).toHaveBeenCalledWith(assessment);
    expect(byTestId<HTMLInputElement>(fixture, 'assessment-title').value).toBe('');
  });

  it('writes every question type, in two sections, with only the fields of each type', async () => {
    typeInto(fixture, 'assessment-title', 'Every type');
    typeInto(fixture, 'assessment-description', 'All of them');
    typeInto(fixture, 'question-0-prompt', 'Noble gases?');
    chooseOption(fixture, 'question-0-type', QuestionType.MultipleChoice);
    await settle(fixture);
    byTestId(fixture, 'question-0-add-option').click();
    await settle(fixture);
    ['neon', 'iron', 'argon'].forEach((text, j) => typeInto(fixture, `question-0-option-${j}`, text));
    check('question-0-correct-0');
    check('question-0-correct-2');
    typeInto(fixture, 'question-0-points', '2');

    byTestId(fixture, 'assessment-add-question').click();
    await settle(fixture);
    chooseOption(fixture, 'question-1-type', QuestionType.TrueFalse);
    await settle(fixture);
    typeInto(fixture, 'question-1-prompt', 'Water is dry.');
    chooseOption(fixture, 'question-1-boolean', 'false');

    byTestId(fixture, 'assessment-add-section').click();
    await settle(fixture);
    typeInto(fixture, 'section-1-title', 'Open');
    chooseOption(fixture, 'question-2-type', QuestionType.Numeric);
    await settle(fixture);
    typeInto(fixture, 'question-2-prompt', 'g?');
    typeInto(fixture, 'question-2-number', '9.81');
    typeInto(fixture, 'question-2-tolerance', '0.05');

    byTestId(fixture, 'section-1-add-question').click();
    await settle(fixture);
    chooseOption(fixture, 'question-3-type', QuestionType.ShortText);
    await settle(fixture);
    typeInto(fixture, 'question-3-prompt', 'Capital of France?');
    typeInto(fixture, 'question-3-accepted', 'Paris\n  paris  \n');
    check('question-3-case-sensitive');

    byTestId(fixture, 'section-1-add-question').click();
    await settle(fixture);
    chooseOption(fixture, 'question-4-type', QuestionType.Essay);
    await settle(fixture);
    typeInto(fixture, 'question-4-prompt', 'Explain osmosis.');
    typeInto(fixture, 'question-4-max-words', '300');
    typeInto(fixture, 'question-4-guidance', 'Membrane');

    byTestId(fixture, 'assessment-create').click();
    const request = http.expectOne({ method: 'POST', url: '/api/assessments' });
    expect(request.request.body).toEqual({
      title: 'Every type',
      description: 'All of them',
      passingPercent: 70,
      sections: [
        {
          title: 'Section 1',
          questions: [
            {
              type: QuestionType.MultipleChoice,
              prompt: 'Noble gases?',
              points: 2,
              options: ['neon', 'iron', 'argon'],
              correctOptions: [0, 2],
            },
            { type: QuestionType.TrueFalse, prompt: 'Water is dry.', points: 1, correctBoolean: false },
          ],
        },
        {
          title: 'Open',
          questions: [
            { type: QuestionType.Numeric, prompt: 'g?', points: 1, correctNumber: 9.81, tolerance: 0.05 },
            {
              type: QuestionType.ShortText,
              prompt: 'Capital of France?',
              points: 1,
              acceptedAnswers: ['Paris', 'paris'],
              caseSensitive: true,
            },
            {
              type: QuestionType.Essay,
              prompt: 'Explain osmosis.',
              points: 1,
              maxWords: 300,
              reviewerGuidance: 'Membrane',
            },
          ],
        },
      ],
    });
    request.flush({ ...assessment, title: 'Every type', questionCount: 5 });
    await settle(fixture);
    expect(textOf(fixture, 'assessment-created')).toContain('5 questions');
  });

  it("shows the server's validation problems next to each field, and all of them above the button", async () => {
    chooseOption(fixture, 'question-0-type', QuestionType.Numeric);
    await settle(fixture);
    byTestId(fixture, 'assessment-create').click();
    http.expectOne('/api/assessments').flush(
      {
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'The assessment is not valid.',
        details: [
          'assessment.title: title must not be empty',
          'assessment.sections.0.questions.0.tolerance: must be zero or more',
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(textOf(fixture, 'form-error')).toContain('The assessment is not valid.');
    expect(textOf(fixture, 'form-error')).toContain('title: title must not be empty');
    expect(textOf(fixture, 'assessment-title-error')).toBe('title must not be empty');
    expect(byTestId(fixture, 'assessment-title').getAttribute('aria-invalid')).toBe('true');
    expect(textOf(fixture, 'question-0-tolerance-error')).toBe('Tolerance must be zero or more');
  });

  it('loads an existing assessment with its keys and saves it as a new version', async () => {
    chooseOption(fixture, 'assessment-pick', 'a1');
    await settle(fixture);
    byTestId(fixture, 'assessment-edit').click();
    const detail: AssessmentDetailView = {
      ...assessment,
      description: null,
      sections: [
        {
          id: 's1',
          title: 'Maths',
          questions: [
            { id: 'q1', type: QuestionType.Numeric, prompt: 'Pi?', points: 2, correctNumber: 3.14, tolerance: 0.01 },
          ],
        },
      ],
    };
    http.expectOne({ method: 'GET', url: '/api/assessments/a1' }).flush(detail);
    await settle(fixture);
    expect(textOf(fixture, 'assessment-editor-heading')).toContain('saving adds version 2');
    expect(byTestId<HTMLInputElement>(fixture, 'question-0-number').value).toBe('3.14');
    expect(byTestId<HTMLInputElement>(fixture, 'section-0-title').value).toBe('Maths');

    typeInto(fixture, 'question-0-tolerance', '0.005');
    byTestId(fixture, 'assessment-create').click();
    const request = http.expectOne({ method: 'PUT', url: '/api/assessments/a1' });
    expect(request.request.body).toEqual({
      title: 'Arithmetic',
      passingPercent: 50,
      sections: [
        {
          title: 'Maths',
          questions: [{ type: QuestionType.Numeric, prompt: 'Pi?', points: 2, correctNumber: 3.14, tolerance: 0.005 }],
        },
      ],
    });
    request.flush({ ...assessment, version: 2 });
    await settle(fixture);
    expect(textOf(fixture, 'assessment-created')).toContain('version 2');
    expect(textOf(fixture, 'assessment-editor-heading')).toBe('New assessment');
  });

  it('imports a chosen JSON file and lists the problems the server found', async () => {
    const created = jest.fn();
    fixture.componentInstance.created.subscribe(created);
    const input = byTestId<HTMLInputElement>(fixture, 'assessment-import');
    const file = new File(['{"format":"invigil.assessment"}'], 'quiz.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve('{"format":"invigil.assessment"}') });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
    const request = http.expectOne({ method: 'POST', url: '/api/assessments/import' });
    expect(request.request.body).toEqual({ format: 'invigil.assessment' });
    request.flush(
      {
        statusCode: 400,
        message: 'The file is not a valid assessment.',
        details: ['formatVersion: must be 1', 'sections: an assessment needs at least one section'],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'assessment-tools-error')).toContain('sections: an assessment needs at least one section');
    expect(created).not.toHaveBeenCalled();
  });

  it('exports the chosen assessment as a JSON download', async () => {
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    chooseOption(fixture, 'assessment-pick', 'a1');
    await settle(fixture);
    byTestId(fixture, 'assessment-export').click();
    http
      .expectOne({ method: 'GET', url: '/api/assessments/a1/export' })
      .flush({ format: 'invigil.assessment', formatVersion: 1, title: 'Arithmetic', passingPercent: 50, sections: [] });
    await settle(fixture);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(textOf(fixture, 'assessment-tools-notice')).toBe('Exported “Arithmetic”.');
  });
});
