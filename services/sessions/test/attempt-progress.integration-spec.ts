import type { AssessmentView, AttemptProgressView, AttemptView, SessionView } from '@invigil/contracts';
import { Requests, Role, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { first } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { flexibleSettings } from './support/fixtures';
import { SessionsSuite } from './support/sessions-suite';

/** The proctor's question-by-question view of one attempt (the dashboard's drawer). */
describe('sessions service: attempt progress per question', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  const candidate = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;
  let session: SessionView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    assessment = await suite.createAssessment(orgId, proctorId);
    session = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(assessment.id, {}),
      })
    ).response as SessionView;
    enrollment.enroll(orgId, session.id, candidate);
    await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id });
  });

  afterAll(async () => {
    await suite.stop();
  });

  it('counts the changes per question, the flags, the current question and the time per section', async () => {
    const scope = { orgId, sessionId: session.id, userId: candidate };
    const opened = (await nats.request<AttemptView>(Requests.openAttempt, scope)).response as AttemptView;
    const [q1, q2] = opened.questions;
    for (const [clientSeq, selectedOption] of [
      [1, 0],
      [2, 1],
      [3, 1],
    ])
      await nats.request(Requests.saveAnswer, { ...scope, questionId: q1?.id, clientSeq, answer: { selectedOption } });
    await nats.request(Requests.flagQuestion, { ...scope, questionId: q2?.id, flagged: true });
    await nats.request(Requests.navigateAttempt, { ...scope, questionId: q2?.id });

    const reply = await nats.request<AttemptProgressView>(Requests.getAttemptProgress, scope);
    expect(reply.err).toBeUndefined();
    const progress = reply.response as AttemptProgressView;
    expect(progress.questions).toHaveLength(opened.questions.length);
    expect(progress.questions[0]).toMatchObject({ number: 1, answered: true, changeCount: 3, flagged: false });
    expect(progress.questions[1]).toMatchObject({
      number: 2,
      answered: false,
      changeCount: 0,
      flagged: true,
      current: true,
    });
    const section = first(progress.sections);
    expect(section).toMatchObject({ answered: 1, total: opened.questions.length });
    expect(section.secondsSpent).toBe(progress.questions.reduce((sum, q) => sum + q.secondsSpent, 0));
  });

  it('says plainly when the candidate has not started, and shows another organization nothing', async () => {
    const notStarted = await nats.request(Requests.getAttemptProgress, {
      orgId,
      sessionId: session.id,
      userId: randomUUID(),
    });
    expect(notStarted.err?.code).toBe(RpcErrorCode.NotFound);
    expect(notStarted.err?.message).toContain('has not started');
    const foreign = await nats.request(Requests.getAttemptProgress, {
      orgId: randomUUID(),
      sessionId: session.id,
      userId: candidate,
    });
    expect(foreign.err?.code).toBe(RpcErrorCode.NotFound);
  });
});
