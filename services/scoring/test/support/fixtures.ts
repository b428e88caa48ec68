import { AttemptSubmittedEvent, Requests, RpcErrorCode, ScoringKeyView, UserView } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { answerAsPeer, Peer, PeerError, RawNats } from '@invigil/server-testing';

export const ORG_ID = DEMO_ORG.id;
export const [, , CARLA, CHEN, CYRUS] = DEMO_USERS;
export const SESSION_ID = randomUUID();

/** Three one-point questions, 60% to pass: two right answers pass (66.7%), one fails (33.3%). */
export const KEY: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'Safety Basics',
  passingPercent: 60,
  questions: [
    { id: randomUUID(), correctOption: 1, points: 1 },
    { id: randomUUID(), correctOption: 0, points: 1 },
    { id: randomUUID(), correctOption: 2, points: 1 },
  ],
};

/** Answers `right` questions correctly and the rest wrongly. */
export function submission(userId: string, right: number, attemptId: string = randomUUID()): AttemptSubmittedEvent {
  return {
    orgId: ORG_ID,
    sessionId: SESSION_ID,
    attemptId,
    userId,
    assessmentVersionId: KEY.assessmentVersionId,
    submittedAt: new Date().toISOString(),
    answers: KEY.questions.map((question, index) => ({ questionId: question.id, selectedOption: index < right ? question.correctOption : question.correctOption + 1 })),
  };
}

/** The sessions and enrollment services, as far as scoring needs them. */
export function startPeers(nats: RawNats): { scoringKey: Peer<typeof Requests.getScoringKey>; users: Peer<typeof Requests.getUser> } {
  const scoringKey = answerAsPeer(nats, Requests.getScoringKey, (request) => {
    if (request.orgId !== ORG_ID || request.assessmentVersionId !== KEY.assessmentVersionId) {
      throw new PeerError({ code: RpcErrorCode.NotFound, message: 'No such assessment version' });
    }
    return KEY;
  });
  const users = answerAsPeer(nats, Requests.getUser, (request): UserView => {
    const user = DEMO_USERS.find((candidate) => candidate.id === request.userId);
    if (!user || request.orgId !== ORG_ID) throw new PeerError({ code: RpcErrorCode.NotFound, message: `No user ${request.userId}` });
    return { id: user.id, orgId: ORG_ID, orgName: DEMO_ORG.name, email: user.email, displayName: user.displayName, role: user.role };
  });
  return { scoringKey, users };
}
