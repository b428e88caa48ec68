import type { CreateAssessmentBody, SessionSettingsBody } from '@invigil/contracts';
import { EnrollmentMode, QuestionType, StartMode, TimeLimitMode } from '@invigil/contracts';

/** A three-question assessment in one section; the keys are 1, 0 and 2. */
export function threeQuestionAssessment(title = 'Chemistry basics'): CreateAssessmentBody {
  return {
    title,
    passingPercent: 60,
    sections: [
      {
        title: 'Compounds',
        questions: [
          {
            type: QuestionType.SingleChoice,
            prompt: 'H2O is…',
            options: ['salt', 'water', 'air'],
            correctOption: 1,
            points: 1,
          },
          {
            type: QuestionType.SingleChoice,
            prompt: 'NaCl is…',
            options: ['salt', 'sugar'],
            correctOption: 0,
            points: 2,
          },
          {
            type: QuestionType.SingleChoice,
            prompt: 'O2 is…',
            options: ['iron', 'gold', 'oxygen', 'neon'],
            correctOption: 2,
            points: 3,
          },
        ],
      },
    ],
  };
}

/** Two sections with one question of every type, in the order of QuestionType. */
export function everyTypeAssessment(title = 'Every type'): CreateAssessmentBody {
  return {
    title,
    description: 'One question of each type.',
    passingPercent: 50,
    sections: [
      {
        title: 'Closed questions',
        questions: [
          {
            type: QuestionType.SingleChoice,
            prompt: 'H2O is…',
            options: ['salt', 'water'],
            correctOption: 1,
            points: 1,
          },
          {
            type: QuestionType.MultipleChoice,
            prompt: 'Noble gases?',
            options: ['neon', 'iron', 'argon'],
            correctOptions: [0, 2],
            points: 2,
          },
          {
            type: QuestionType.TrueFalse,
            prompt: 'Water boils at 50 °C at sea level.',
            correctBoolean: false,
            points: 1,
          },
        ],
      },
      {
        title: 'Open questions',
        questions: [
          { type: QuestionType.Numeric, prompt: 'g in m/s²?', correctNumber: 9.81, tolerance: 0.05, points: 2 },
          {
            type: QuestionType.ShortText,
            prompt: 'Capital of France?',
            acceptedAnswers: ['Paris'],
            caseSensitive: false,
            points: 1,
          },
          {
            type: QuestionType.Essay,
            prompt: 'Explain osmosis.',
            maxWords: 5,
            reviewerGuidance: 'Mentions a membrane.',
            points: 3,
          },
        ],
      },
    ],
  };
}

/** The New Session form's defaults: flexible start, auto enrollment, no limit, no late entry, security off. */
export function flexibleSettings(
  assessmentId: string | undefined,
  extra: Partial<SessionSettingsBody> = {},
): SessionSettingsBody {
  return {
    name: 'Chemistry, group A',
    assessmentId: assessmentId ?? '',
    startMode: StartMode.Flexible,
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    enrollmentMode: EnrollmentMode.Auto,
    lateEntry: false,
    timeLimitMode: TimeLimitMode.SessionWide,
    security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
    ...extra,
  };
}
