import type { AttemptView, SaveAnswerAck, SessionView } from '@invigil/contracts';
import { AttemptStatus, Events, Requests, Role, RpcErrorCode } from '@invigil/contracts';
import { OutboxRelay } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { announcedProgress, storedEvents } from './support/events';
import { flexibleSettings } from './support/fixtures';
import { at, first } from '@invigil/server-testing';
import { SessionsSuite } from './support/sessions-suite';

interface AnswerRow {
  selected_option: number;
  client_seq: number;
  change_count: number;
}

describe('sessions service: the candidate attempt (real PostgreSQL, NATS, Redis; enrollment answered by a NATS peer)', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  const candidate = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let session: SessionView;
  let attempt: AttemptView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    const assessment = await suite.createAssessment(orgId, proctorId);
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    session = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(assessment.id, { name: 'Chemistry', durationMinutes: 30 }),
      })
    ).response as SessionView;
    enrollment.enroll(orgId, session.id, candidate);
  });

  afterAll(() => suite.stop());

  const attemptOf = (userId: string) => ({ orgId, userId, sessionId: session.id });
  const save = (questionId: string, clientSeq: number, selectedOption: number, userId = candidate) =>
    nats.request<SaveAnswerAck>(Requests.saveAnswer, {
      ...attemptOf(userId),
      questionId,
      clientSeq,
      answer: { selectedOption },
    });
  const storedAnswer = async (questionId: string): Promise<AnswerRow | undefined> => {
    const sql = `select (value->>'selectedOption')::int as selected_option, client_seq, change_count from answer where attempt_id = ? and question_id = ?`;
    const rows = await suite.db().execute<AnswerRow[]>(sql, [attempt.id, questionId]);
    return rows[0];
  };

  it('keeps candidates in the waiting room until the proctor starts the session', async () => {
    const reply = await nats.request(Requests.openAttempt, attemptOf(candidate));
    expect(reply.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'The session has not started yet; stay in the waiting room.',
    });
    const started = await nats.request<SessionView>(Requests.startSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
    });
    expect(started.err).toBeUndefined();
  });

  it('refuses a user the enrollment service does not know as forbidden', async () => {
    const reply = await nats.request(Requests.openAttempt, attemptOf(randomUUID()));
    expect(reply.err?.code).toBe(RpcErrorCode.Forbidden);
    expect(reply.err?.message).toMatch(/^You are not enrolled in this session/);
  });

  it('opens the attempt once with the questions but no answer key anywhere', async () => {
    const reply = await nats.request<AttemptView>(Requests.openAttempt, attemptOf(candidate));
    attempt = reply.response as AttemptView;
    expect(attempt).toMatchObject({
      sessionId: session.id,
      sessionName: 'Chemistry',
      status: AttemptStatus.InProgress,
      answers: [],
      answeredCount: 0,
      submittedAt: null,
    });
    expect(attempt.questions.map((question) => question.options.length)).toEqual([3, 2, 4]);
    expect(attempt.remainingSeconds).toBeGreaterThan(29 * 60);
    expect(attempt.remainingSeconds).toBeLessThanOrEqual(30 * 60);
    expect(JSON.stringify(reply)).not.toContain('correctOption');
    const again = await nats.request<AttemptView>(Requests.openAttempt, attemptOf(candidate));
    expect(again.response?.id).toBe(attempt.id);
  });

  it('acknowledges an answer only once it is committed in PostgreSQL', async () => {
    const questionId = at(attempt.questions, 0).id;
    const ack = await save(questionId, 1, 2);
    expect(ack.response).toMatchObject({ questionId, clientSeq: 1, storedSeq: 1, answeredCount: 1 });
    expect(await storedAnswer(questionId)).toEqual({ selected_option: 2, client_seq: 1, change_count: 1 });
  });

  it('never lets an older sequence overwrite a newer one, and a replay changes nothing', async () => {
    const questionId = at(attempt.questions, 1).id;
    expect((await save(questionId, 5, 1)).response?.storedSeq).toBe(5);
    const older = await save(questionId, 3, 0);
    expect(older.response).toMatchObject({ clientSeq: 3, storedSeq: 5, answeredCount: 2 });
    const replay = await save(questionId, 5, 1);
    expect(replay.response).toMatchObject({ clientSeq: 5, storedSeq: 5 });
    expect(await storedAnswer(questionId)).toEqual({ selected_option: 1, client_seq: 5, change_count: 1 });
  });

  it('settles 50 concurrent saves in shuffled order on the highest sequence', async () => {
    const questionId = at(attempt.questions, 2).id;
    const sequences = Array.from({ length: 50 }, (_, index) => index + 1).sort(() => Math.random() - 0.5);
    const acks = await Promise.all(sequences.map((clientSeq) => save(questionId, clientSeq, clientSeq % 4)));
    for (const ack of acks) {
      expect(ack.err).toBeUndefined();
      expect(ack.response?.storedSeq).toBeGreaterThanOrEqual(ack.response?.clientSeq ?? Infinity);
    }
    expect(acks.find((ack) => ack.response?.clientSeq === 50)?.response?.storedSeq).toBe(50);
    const row = await storedAnswer(questionId);
    expect(row).toMatchObject({ selected_option: 50 % 4, client_seq: 50 });
    expect(row?.change_count).toBeGreaterThanOrEqual(1);
    expect(row?.change_count).toBeLessThanOrEqual(50);
  });

  it('refuses a question outside the pinned version and an option the question does not have', async () => {
    const stranger = randomUUID();
    const unknown = await save(stranger, 9, 0);
    expect(unknown.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(unknown.err?.message).toContain(stranger);
    const badOption = await save(at(attempt.questions, 1).id, 9, 2);
    expect(badOption.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(badOption.err?.details).toEqual(['answer.selectedOption: must be between 0 and 1']);
  });

  it('resumes at the last saved point when the attempt is opened again', async () => {
    const resumed = (await nats.request<AttemptView>(Requests.openAttempt, attemptOf(candidate))).response;
    expect(resumed?.answeredCount).toBe(3);
    expect(resumed?.answers).toEqual(
      expect.arrayContaining([
        { questionId: at(attempt.questions, 0).id, answer: { selectedOption: 2 }, clientSeq: 1 },
        { questionId: at(attempt.questions, 1).id, answer: { selectedOption: 1 }, clientSeq: 5 },
        { questionId: at(attempt.questions, 2).id, answer: { selectedOption: 50 % 4 }, clientSeq: 50 },
      ]),
    );
  });

  it('gives two tabs opening at once the same attempt', async () => {
    const userId = randomUUID();
    enrollment.enroll(orgId, session.id, userId);
    const openTab = () => nats.request<AttemptView>(Requests.openAttempt, attemptOf(userId));
    const [firstTab, secondTab] = await Promise.all([openTab(), openTab()]);
    expect(firstTab.response?.id).toBeDefined();
    expect(secondTab.response?.id).toBe(firstTab.response?.id);
  });

  it('puts exactly the acknowledged answers into a submission that races with saves', async () => {
    const userId = randomUUID();
    enrollment.enroll(orgId, session.id, userId);
    const opened = (await nats.request<AttemptView>(Requests.openAttempt, attemptOf(userId))).response as AttemptView;
    const saves = Array.from({ length: 30 }, (_, index) => ({
      questionId: at(opened.questions, index % 3).id,
      clientSeq: index + 1,
      selectedOption: index % 2,
    }));
    const sendSaves = (part: typeof saves) =>
      part.map((write) =>
        save(write.questionId, write.clientSeq, write.selectedOption, userId).then((reply) => ({ write, reply })),
      );
    // The submit goes out in the middle of the saves. Whichever side of it each save lands on, an
    // acknowledged save must be in the submission and a refused one must not.
    const before = sendSaves(saves.slice(0, 15));
    const submit = nats.request<AttemptView>(Requests.submitAttempt, attemptOf(userId));
    const outcomes = await Promise.all([...before, ...sendSaves(saves.slice(15))]);
    expect((await submit).response?.status).toBe(AttemptStatus.Submitted);

    const acknowledged = new Map<string, { clientSeq: number; selectedOption: number }>();
    for (const { write, reply } of outcomes) {
      if (reply.err) {
        expect(reply.err.message).toBe('This attempt was submitted; answers can no longer change.');
        continue;
      }
      const best = acknowledged.get(write.questionId);
      if (!best || best.clientSeq < write.clientSeq) acknowledged.set(write.questionId, write);
    }
    await eventually(
      async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0,
      10_000,
      'the outbox to be published',
    );
    const event = first(
      (await storedEvents(nats, Events.attemptSubmitted)).filter((candidate) => candidate.data.attemptId === opened.id),
    );
    const expected = [...acknowledged].map(([questionId, write]) => ({
      questionId,
      answer: { selectedOption: write.selectedOption },
    }));
    expect(event.data.answers).toHaveLength(expected.length);
    expect(event.data.answers).toEqual(expect.arrayContaining(expected));
  });

  it('refuses answers once the time is over', async () => {
    const late = randomUUID();
    enrollment.enroll(orgId, session.id, late);
    const opened = (await nats.request<AttemptView>(Requests.openAttempt, attemptOf(late))).response as AttemptView;
    // Move the attempt's start back past the 30-minute limit instead of waiting for it.
    await suite.db().execute(`update attempt set started_at = now() - interval '31 minutes' where id = ?`, [opened.id]);
    const reply = await save(first(opened.questions).id, 1, 0, late);
    expect(reply.err).toEqual({ code: RpcErrorCode.Conflict, message: 'Time is over; this answer was not saved.' });
    const reopened = await nats.request<AttemptView>(Requests.openAttempt, attemptOf(late));
    expect(reopened.response?.remainingSeconds).toBe(0);
  });

  it('submits once, refuses later answers, and publishes the submission with its answers exactly once', async () => {
    const submitted = await nats.request<AttemptView>(Requests.submitAttempt, attemptOf(candidate));
    expect(submitted.response).toMatchObject({ id: attempt.id, status: AttemptStatus.Submitted, remainingSeconds: 0 });
    expect(submitted.response?.submittedAt).not.toBeNull();
    const again = await nats.request<AttemptView>(Requests.submitAttempt, attemptOf(candidate));
    expect(again.response?.submittedAt).toBe(submitted.response?.submittedAt);

    const refused = await save(at(attempt.questions, 0).id, 99, 0);
    expect(refused.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'This attempt was submitted; answers can no longer change.',
    });

    await eventually(
      async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0,
      10_000,
      'the outbox to be published',
    );
    const events = (await storedEvents(nats, Events.attemptSubmitted)).filter(
      (event) => event.data.attemptId === attempt.id,
    );
    expect(events).toHaveLength(1);
    const submission = first(events);
    expect(submission.data).toMatchObject({
      orgId,
      sessionId: session.id,
      userId: candidate,
      assessmentVersionId: session.assessmentVersionId,
      submittedAt: submitted.response?.submittedAt,
    });
    expect(submission.data.answers).toEqual(
      expect.arrayContaining([
        { questionId: at(attempt.questions, 0).id, answer: { selectedOption: 2 } },
        { questionId: at(attempt.questions, 1).id, answer: { selectedOption: 1 } },
        { questionId: at(attempt.questions, 2).id, answer: { selectedOption: 50 % 4 } },
      ]),
    );
    expect(submission.data.answers).toHaveLength(3);
  });

  it('announced progress for accepted saves, coalesced per attempt, the latest counting every answered question', async () => {
    // At most one event per attempt per PROGRESS_INTERVAL_MS: the last one follows within that interval.
    const progress = await eventually(
      async () => {
        const entries = await announcedProgress(nats, attempt.id);
        return entries.at(-1)?.answeredCount === 3 ? entries : undefined;
      },
      5_000,
      'the progress event counting 3 answers',
    );
    expect(progress.at(-1)).toMatchObject({
      orgId,
      sessionId: session.id,
      userId: candidate,
      answeredCount: 3,
      totalQuestions: 3,
    });
    expect(progress.map((entry) => entry.answeredCount)).toEqual(
      [...progress.map((entry) => entry.answeredCount)].sort((a, b) => a - b),
    );
  });
});
