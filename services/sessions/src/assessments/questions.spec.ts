import type { QuestionDraft } from '@invigil/contracts';
import { CreateAssessmentBody, describeValidationErrors, QuestionType } from '@invigil/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { everyTypeAssessment } from '../../test/support/fixtures';
import { at, first } from '@invigil/server-testing';
import { parseAssessmentDocument } from './assessment-document';
import type { StoredQuestion } from './questions';
import { answerKeyProblems, checkAnswer, toCandidateQuestions, toScoringKeys, toStoredContent } from './questions';

function problemsOf(plain: object): string[] {
  return describeValidationErrors(
    validateSync(plainToInstance(CreateAssessmentBody, plain), { whitelist: true, forbidNonWhitelisted: true }),
  );
}

function single(options: string[], correctOption: number): QuestionDraft {
  return { type: QuestionType.SingleChoice, prompt: 'Pick one', options, correctOption, points: 2 };
}

const stored: StoredQuestion = {
  id: 'q-1',
  sectionId: 's-1',
  type: QuestionType.SingleChoice,
  prompt: 'Capital of France?',
  options: ['Paris', 'Rome'],
  correctOption: 0,
  points: 3,
};

describe('QuestionDraft validation', () => {
  it('accepts one question of every type', () => {
    expect(problemsOf(everyTypeAssessment())).toEqual([]);
  });

  it('asks for the fields of the question type, naming each by path', () => {
    const content = {
      title: 'T',
      passingPercent: 50,
      sections: [
        {
          title: 'S',
          questions: [
            { type: 'single_choice', prompt: 'p', points: 1, options: ['a'] },
            { type: 'multiple_choice', prompt: 'p', points: 1, options: ['a', 'b'], correctOptions: [] },
            { type: 'true_false', prompt: 'p', points: 1 },
            { type: 'numeric', prompt: 'p', points: 1, correctNumber: 3, tolerance: -1 },
            { type: 'short_text', prompt: 'p', points: 1, acceptedAnswers: [], caseSensitive: false },
            { type: 'essay', prompt: 'p', points: 0, maxWords: 0 },
            { type: 'drawing', prompt: 'p', points: 1 },
          ],
        },
      ],
    };
    expect(problemsOf(content)).toEqual([
      'sections.0.questions.0.options: a choice question needs at least 2 options',
      'sections.0.questions.0.correctOption: correctOption must be the index of the correct option',
      'sections.0.questions.1.correctOptions: mark at least one correct option',
      'sections.0.questions.2.correctBoolean: correctBoolean must be true or false',
      'sections.0.questions.3.tolerance: must be zero or more',
      'sections.0.questions.4.acceptedAnswers: give at least one accepted answer',
      'sections.0.questions.5.points: points must be at least 1',
      'sections.0.questions.5.maxWords: maxWords must be at least 1 (or left out for no limit)',
      `sections.0.questions.6.type: type must be one of: ${Object.values(QuestionType).join(', ')}`,
    ]);
  });

  it('needs at least one section and one question per section', () => {
    expect(problemsOf({ title: 'T', passingPercent: 50, sections: [] })).toEqual([
      'sections: an assessment needs at least one section',
    ]);
    expect(problemsOf({ title: 'T', passingPercent: 50, sections: [{ title: 'S', questions: [] }] })).toEqual([
      'sections.0.questions: a section needs at least one question',
    ]);
  });
});

describe('answerKeyProblems', () => {
  it('accepts keys that point at an option', () => {
    expect(answerKeyProblems([{ title: 'S', questions: [single(['a', 'b'], 0), single(['a', 'b', 'c'], 2)] }])).toEqual(
      [],
    );
  });

  it('names the path and the allowed range of every key outside its options', () => {
    const multi: QuestionDraft = {
      type: QuestionType.MultipleChoice,
      prompt: 'p',
      options: ['a', 'b'],
      correctOptions: [0, 0],
      points: 1,
    };
    const sections = [
      { title: 'S', questions: [single(['a', 'b'], 1)] },
      { title: 'T', questions: [single(['a', 'b', 'c'], 3), { ...multi, correctOptions: [1, 2] }, multi] },
    ];
    expect(answerKeyProblems(sections)).toEqual([
      "assessment.sections.1.questions.0.correctOption: must be between 0 and 2, the index of one of the question's options",
      "assessment.sections.1.questions.1.correctOptions: each must be between 0 and 1, the index of one of the question's options",
      'assessment.sections.1.questions.2.correctOptions: must not list an option twice',
    ]);
  });
});

describe('toStoredContent', () => {
  it('gives sections and questions fresh ids and keeps only the fields of each type', () => {
    const withExtra = { ...single(['a', 'b'], 1), correctBoolean: true, secret: 'x' } as QuestionDraft;
    const truth: QuestionDraft = {
      type: QuestionType.TrueFalse,
      prompt: 'p',
      correctBoolean: true,
      options: ['x'],
      points: 1,
    };
    let next = 0;
    const result = toStoredContent([{ title: 'S', questions: [withExtra, truth] }], () => `id-${++next}`);
    expect(result).toEqual({
      sections: [{ id: 'id-1', title: 'S' }],
      questions: [
        {
          id: 'id-2',
          sectionId: 'id-1',
          type: QuestionType.SingleChoice,
          prompt: 'Pick one',
          options: ['a', 'b'],
          correctOption: 1,
          points: 2,
        },
        { id: 'id-3', sectionId: 'id-1', type: QuestionType.TrueFalse, prompt: 'p', correctBoolean: true, points: 1 },
      ],
    });
  });
});

describe('toCandidateQuestions', () => {
  it('never carries the answer key or anything beyond what a candidate sees', () => {
    const [question] = toCandidateQuestions(
      [{ ...stored, extra: 'hidden' } as StoredQuestion],
      [{ id: 's-1', title: 'S' }],
    );
    expect(question).toEqual({
      id: 'q-1',
      sectionId: 's-1',
      type: QuestionType.SingleChoice,
      prompt: 'Capital of France?',
      options: ['Paris', 'Rome'],
      points: 3,
      maxWords: null,
    });
    expect(JSON.stringify(question)).not.toContain('correctOption');
  });

  it('puts questions stored before sections into the one implicit section', () => {
    const { sectionId: _unused, ...legacy } = stored;
    expect(first(toCandidateQuestions([legacy], [{ id: 'v-1', title: 'Old' }])).sectionId).toBe('v-1');
  });
});

describe('toScoringKeys', () => {
  it('keeps ids, types, keys and points only', () => {
    expect(toScoringKeys([stored])).toEqual([
      { id: 'q-1', type: QuestionType.SingleChoice, correctOption: 0, points: 3 },
    ]);
  });
});

describe('essay rubrics', () => {
  const rubric = {
    criteria: [
      {
        title: 'Accuracy',
        levels: [
          { label: 'Wrong', points: 0 },
          { label: 'Right', points: 3 },
        ],
      },
      {
        title: 'Structure',
        levels: [
          { label: 'Muddled', points: 0 },
          { label: 'Clear', points: 2 },
        ],
      },
    ],
  };
  const essay = (points: number, withRubric: unknown = rubric) => ({
    title: 'S',
    questions: [{ type: QuestionType.Essay, prompt: 'Explain osmosis', points, rubric: withRubric }],
  });

  it('accepts a rubric worth at most the question, and carries it to the scoring key with the prompt', () => {
    const body = { title: 'T', passingPercent: 50, sections: [essay(5)] };
    expect(problemsOf(body)).toEqual([]);
    expect(answerKeyProblems(body.sections as never)).toEqual([]);
    const { questions } = toStoredContent(body.sections as never, () => 'id');
    expect(toScoringKeys(questions)).toEqual([
      { id: 'id', type: QuestionType.Essay, points: 5, prompt: 'Explain osmosis', rubric, reviewerGuidance: null },
    ]);
  });

  it('refuses a rubric worth more than its question, saying by how much and how to fix it', () => {
    expect(answerKeyProblems([essay(4)] as never)).toEqual([
      "assessment.sections.0.questions.0.rubric: the rubric's best levels add up to 5 points, more than the question's 4; lower some levels' points or raise the question's points",
    ]);
  });

  it('refuses a malformed rubric field by field', () => {
    const broken = { criteria: [{ title: '', levels: [{ label: 'Only', points: -1 }] }] };
    expect(problemsOf({ title: 'T', passingPercent: 50, sections: [essay(4, broken)] })).toEqual(
      expect.arrayContaining([
        expect.stringContaining('a criterion needs at least 2 levels'),
        expect.stringContaining('points must be 0 or more'),
      ]),
    );
  });
});

describe('checkAnswer', () => {
  const essay: StoredQuestion = { id: 'e', type: QuestionType.Essay, prompt: 'p', points: 1, maxWords: 3 };
  const multi: StoredQuestion = {
    id: 'm',
    type: QuestionType.MultipleChoice,
    prompt: 'p',
    points: 1,
    options: ['a', 'b', 'c'],
    correctOptions: [0],
  };

  it('reduces a fitting answer to its one field', () => {
    expect(checkAnswer(multi, { selectedOptions: [2, 0, 2] })).toEqual({ value: { selectedOptions: [0, 2] } });
    expect(checkAnswer(essay, { text: 'one two three' })).toEqual({ value: { text: 'one two three' } });
  });

  it('refuses an answer of the wrong type, an option out of range, and an essay over its word limit', () => {
    expect(checkAnswer(stored, { text: 'Paris' })).toEqual({
      problems: ['answer.selectedOption: a single-choice question is answered with selectedOption only (not text)'],
    });
    expect(checkAnswer(multi, { selectedOptions: [3] })).toEqual({
      problems: ['answer.selectedOptions: each must be between 0 and 2'],
    });
    expect(checkAnswer(essay, { text: 'one two three four' })).toEqual({
      problems: ['answer.text: this essay allows at most 3 words (it has 4)'],
    });
  });
});

describe('parseAssessmentDocument', () => {
  it('lists every problem by its path in the document', () => {
    const content = everyTypeAssessment();
    (first(at(content.sections, 1).questions) as { tolerance: number }).tolerance = -2;
    first(first(content.sections).questions).correctOption = 5;
    const result = parseAssessmentDocument({ format: 'other', formatVersion: 1, ...content });
    expect(result).toEqual({
      problems: ['format: must be "invigil.assessment"', 'sections.1.questions.0.tolerance: must be zero or more'],
    });
    const keysOnly = parseAssessmentDocument({
      format: 'invigil.assessment',
      formatVersion: 1,
      ...everyTypeAssessment(),
      sections: [{ title: 'S', questions: [single(['a', 'b'], 2)] }],
    });
    expect(keysOnly).toEqual({
      problems: [
        "sections.0.questions.0.correctOption: must be between 0 and 1, the index of one of the question's options",
      ],
    });
  });

  it('refuses something that is not an object', () => {
    expect(parseAssessmentDocument([1])).toEqual({
      problems: ['(document): must be a JSON object in the invigil.assessment format'],
    });
  });
});
