import { CreateAssessmentBody, EnrollmentMode, QuestionType, SessionSettingsBody, StartMode, TimeLimitMode } from '@invigil/contracts';

/** A three-question assessment; the keys are 1, 0 and 2. */
export function threeQuestionAssessment(title = 'Chemistry basics'): CreateAssessmentBody {
  return {
    title,
    passingPercent: 60,
    questions: [
      { type: QuestionType.SingleChoice, prompt: 'H2O is…', options: ['salt', 'water', 'air'], correctOption: 1, points: 1 },
      { type: QuestionType.SingleChoice, prompt: 'NaCl is…', options: ['salt', 'sugar'], correctOption: 0, points: 2 },
      { type: QuestionType.SingleChoice, prompt: 'O2 is…', options: ['iron', 'gold', 'oxygen', 'neon'], correctOption: 2, points: 3 },
    ],
  };
}

/** The New Session form's defaults: flexible start, auto enrollment, no limit, no late entry, security off. */
export function flexibleSettings(assessmentId: string | undefined, extra: Partial<SessionSettingsBody> = {}): SessionSettingsBody {
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

