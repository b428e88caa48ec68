import type { AttemptSubmittedEvent, ScoringKeyView, UserView } from '@invigil/contracts';
import { QuestionType, ReleasePolicy, Requests, RpcErrorCode } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { randomUUID } from 'node:crypto';
import type { Peer, RawNats } from '@invigil/server-testing';
import { answerAsPeer, PeerError } from '@invigil/server-testing';
import { firstItems } from '@invigil/server-testing';

export const ORG_ID = DEMO_ORG.id;
export const [, , CARLA, CHEN, CYRUS] = DEMO_USERS;
export const SESSION_ID = randomUUID();

/** Three one-point questions, 60% to pass: two right answers pass (66.7%), one fails (33.3%). */
export const KEY: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'Safety Basics',
  passingPercent: 60,
  questions: [
    { id: randomUUID(), type: QuestionType.SingleChoice, correctOption: 1, points: 1 },
    { id: randomUUID(), type: QuestionType.SingleChoice, correctOption: 0, points: 1 },
    { id: randomUUID(), type: QuestionType.SingleChoice, correctOption: 2, points: 1 },
  ],
};

/** One auto-scored question of every type (1 + 2 + 1 + 2 + 1 + 1 = 8 points), 75% to pass. */
export const MIXED_KEY: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'Mixed types',
  passingPercent: 75,
  questions: [
    { id: randomUUID(), type: QuestionType.SingleChoice, correctOption: 1, points: 1 },
    { id: randomUUID(), type: QuestionType.MultipleChoice, correctOptions: [0, 2], points: 2 },
    { id: randomUUID(), type: QuestionType.TrueFalse, correctBoolean: false, points: 1 },
    { id: randomUUID(), type: QuestionType.Numeric, correctNumber: 9.81, tolerance: 0.05, points: 2 },
    { id: randomUUID(), type: QuestionType.ShortText, acceptedAnswers: ['Paris'], caseSensitive: false, points: 1 },
    { id: randomUUID(), type: QuestionType.ShortText, acceptedAnswers: ['NaCl'], caseSensitive: true, points: 1 },
  ],
};

/** The mixed questions plus a 4-point essay. */
export const ESSAY_KEY: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'With an essay',
  passingPercent: 50,
  questions: [...MIXED_KEY.questions, { id: randomUUID(), type: QuestionType.Essay, points: 4 }],
};

/** A 4-point essay with a rubric (2 + 2), a 1-point short answer and a 1-point choice; 50% to pass. */
export const RUBRIC_KEY: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'Biology essay',
  passingPercent: 50,
  questions: [
    { id: randomUUID(), type: QuestionType.SingleChoice, correctOption: 0, points: 1 },
    {
      id: randomUUID(),
      type: QuestionType.ShortText,
      acceptedAnswers: ['osmosis'],
      caseSensitive: false,
      points: 1,
      prompt: 'Name the process',
    },
    {
      id: randomUUID(),
      type: QuestionType.Essay,
      points: 4,
      prompt: 'Explain osmosis',
      reviewerGuidance: 'Look for a membrane and a concentration gradient',
      rubric: {
        criteria: [
          {
            title: 'Accuracy',
            levels: [
              { label: 'Wrong', points: 0 },
              { label: 'Partly right', points: 1 },
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
    },
  ],
};

/** Right on the choice, the short answer as given, and an essay text (blank leaves it unanswered). */
export function essaySubmission(
  userId: string,
  sessionId: string,
  options: { shortText?: string; essay?: string; submittedAt?: string; attemptId?: string } = {},
): AttemptSubmittedEvent {
  const [choice, short, essay] = firstItems(RUBRIC_KEY.questions, 3);
  return {
    orgId: ORG_ID,
    sessionId,
    attemptId: options.attemptId ?? randomUUID(),
    userId,
    assessmentVersionId: RUBRIC_KEY.assessmentVersionId,
    submittedAt: options.submittedAt ?? new Date().toISOString(),
    answers: [
      { questionId: choice.id, answer: { selectedOption: 0 } },
      { questionId: short.id, answer: { text: options.shortText ?? 'Osmosis' } },
      { questionId: essay.id, answer: { text: options.essay ?? 'Water moves <b>across</b> a membrane.' } },
    ],
  };
}

/** Right on single, multiple, true/false, numeric (within tolerance) and case-insensitive text; wrong case on the strict one. */
export function mixedSubmission(userId: string, sessionId: string, key: ScoringKeyView): AttemptSubmittedEvent {
  const [single, multi, truth, numeric, text, strict] = firstItems(key.questions, 6);
  const essay = key.questions[6];
  const answers = [
    { questionId: single.id, answer: { selectedOption: 1 } },
    { questionId: multi.id, answer: { selectedOptions: [2, 0] } },
    { questionId: truth.id, answer: { booleanValue: false } },
    { questionId: numeric.id, answer: { numberValue: 9.77 } },
    { questionId: text.id, answer: { text: '  paris ' } },
    { questionId: strict.id, answer: { text: 'nacl' } },
    ...(essay ? [{ questionId: essay.id, answer: { text: 'Osmosis moves water across a membrane.' } }] : []),
  ];
  return {
    orgId: ORG_ID,
    sessionId,
    attemptId: randomUUID(),
    userId,
    assessmentVersionId: key.assessmentVersionId,
    submittedAt: new Date().toISOString(),
    answers,
  };
}

/** Answers `right` questions correctly and the rest wrongly. */
export function submission(userId: string, right: number, attemptId: string = randomUUID()): AttemptSubmittedEvent {
  return {
    orgId: ORG_ID,
    sessionId: SESSION_ID,
    attemptId,
    userId,
    assessmentVersionId: KEY.assessmentVersionId,
    submittedAt: new Date().toISOString(),
    answers: KEY.questions.map((question, index) => {
      const correctOption = question.type === QuestionType.SingleChoice ? question.correctOption : 0;
      return { questionId: question.id, answer: { selectedOption: index < right ? correctOption : correctOption + 1 } };
    }),
  };
}

/** The sessions and enrollment services, as far as scoring needs them. */
export function startPeers(nats: RawNats): {
  scoringKey: Peer<typeof Requests.getScoringKey>;
  users: Peer<typeof Requests.getUser>;
} {
  const scoringKey = answerAsPeer(nats, Requests.getScoringKey, (request) => {
    const key = [KEY, MIXED_KEY, ESSAY_KEY, RUBRIC_KEY].find(
      (candidate) => candidate.assessmentVersionId === request.assessmentVersionId,
    );
    if (request.orgId !== ORG_ID || !key)
      throw new PeerError({ code: RpcErrorCode.NotFound, message: 'No such assessment version' });
    return key;
  });
  const users = answerAsPeer(nats, Requests.getUser, (request): UserView => {
    const user = DEMO_USERS.find((candidate) => candidate.id === request.userId);
    if (!user || request.orgId !== ORG_ID)
      throw new PeerError({ code: RpcErrorCode.NotFound, message: `No user ${request.userId}` });
    return {
      id: user.id,
      orgId: ORG_ID,
      orgName: DEMO_ORG.name,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
    };
  });
  return { scoringKey, users };
}

/**
 * Shows a session's results to candidates as soon as they are scored (release policy `immediately`), for
 * suites that read provisional scores through the candidate's view; the default holds them until every review.
 */
export async function releaseAsScored(nats: RawNats, sessionId: string): Promise<void> {
  const reply = await nats.request(Requests.updateReleaseSettings, {
    orgId: ORG_ID,
    actorId: DEMO_USERS[1]?.id,
    sessionId,
    policy: ReleasePolicy.Immediately,
    score: true,
    passFail: true,
    questionCorrectness: false,
    correctAnswers: false,
    feedback: true,
  });
  if (reply.err) throw new Error(`Could not set the release policy: ${reply.err.message}`);
}
