import type {
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  AttemptView,
  SaveAnswerAck,
  ScoringKeyView,
  SessionView,
} from '@invigil/contracts';
import { Events, QuestionType, Requests, Role, RpcErrorCode } from '@invigil/contracts';
import { OutboxRelay } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { storedEvents } from './support/events';
import { everyTypeAssessment, flexibleSettings, threeQuestionAssessment } from './support/fixtures';
import { at, first, firstItems } from '@invigil/server-testing';
import { SessionsSuite } from './support/sessions-suite';

describe('sessions service: question types, versions, import and export (real PostgreSQL, NATS, Redis)', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const proctorId = randomUUID();
  const candidate = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    // Sessions checks with enrollment that the session's proctor is a proctor of the organization.
    enrollment.addUser(orgId, proctorId, Role.Proctor);
  });

  afterAll(() => suite.stop());

  const assessmentCount = async () =>
    first(
      await suite
        .db()
        .execute<{ count: number }[]>('select count(*)::int as count from assessment where org_id = ?', [orgId]),
    ).count;

  const startedSession = async (assessmentId: string, name: string): Promise<SessionView> => {
    const session = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(assessmentId, { name, durationMinutes: 30 }),
      })
    ).response as SessionView;
    enrollment.enroll(orgId, session.id, candidate);
    expect(
      (await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id })).err,
    ).toBeUndefined();
    return session;
  };

  it('creates an assessment with sections and every question type, and gives authors its keys', async () => {
    const reply = await nats.request<AssessmentView>(Requests.createAssessment, {
      orgId,
      actorId: proctorId,
      assessment: everyTypeAssessment(),
    });
    expect(reply.err).toBeUndefined();
    assessment = reply.response as AssessmentView;
    expect(assessment).toMatchObject({ version: 1, questionCount: 6, passingPercent: 50 });
    const detail = (
      await nats.request<AssessmentDetailView>(Requests.getAssessment, { orgId, assessmentId: assessment.id })
    ).response as AssessmentDetailView;
    expect(detail.description).toBe('One question of each type.');
    expect(detail.sections.map((section) => section.title)).toEqual(['Closed questions', 'Open questions']);
    const [closed, open] = firstItems(detail.sections, 2);
    expect(at(closed.questions, 1)).toMatchObject({
      type: QuestionType.MultipleChoice,
      correctOptions: [0, 2],
      points: 2,
    });
    expect(first(open.questions)).toMatchObject({ type: QuestionType.Numeric, correctNumber: 9.81, tolerance: 0.05 });
    expect(at(open.questions, 2)).toMatchObject({
      type: QuestionType.Essay,
      maxWords: 5,
      reviewerGuidance: 'Mentions a membrane.',
    });
    const key = (
      await nats.request<ScoringKeyView>(Requests.getScoringKey, {
        orgId,
        assessmentVersionId: assessment.currentVersionId,
      })
    ).response as ScoringKeyView;
    expect(key.questions.map((question) => question.type)).toEqual(Object.values(QuestionType));
    const other = await nats.request(Requests.getAssessment, { orgId: randomUUID(), assessmentId: assessment.id });
    expect(other.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('refuses bad drafts listing every problem by path', async () => {
    const content = everyTypeAssessment();
    Object.assign(first(at(content.sections, 1).questions), { tolerance: -1 });
    Object.assign(at(first(content.sections).questions, 2), { correctBoolean: 'yes' });
    const reply = await nats.request(Requests.createAssessment, { orgId, actorId: proctorId, assessment: content });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(reply.err?.details).toEqual([
      'assessment.sections.0.questions.2.correctBoolean: correctBoolean must be true or false',
      'assessment.sections.1.questions.0.tolerance: must be zero or more',
    ]);
  });

  it('serves candidates every type without keys, saves each answer type, and refuses wrong ones', async () => {
    const session = await startedSession(assessment.id, 'Every type');
    const attemptOf = { orgId, userId: candidate, sessionId: session.id };
    const attempt = (await nats.request<AttemptView>(Requests.openAttempt, attemptOf)).response as AttemptView;
    expect(attempt.sections.map((section) => section.title)).toEqual(['Closed questions', 'Open questions']);
    expect(attempt.questions.map((question) => question.type)).toEqual(Object.values(QuestionType));
    expect(attempt.questions.map((question) => question.sectionId)).toEqual(
      [0, 0, 0, 1, 1, 1].map((index) => at(attempt.sections, index).id),
    );
    expect(at(attempt.questions, 5).maxWords).toBe(5);
    const text = JSON.stringify(attempt);
    for (const secret of [
      'correctOption',
      'correctBoolean',
      'correctNumber',
      'tolerance',
      'acceptedAnswers',
      'Paris',
      'reviewerGuidance',
      'membrane',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [single, multi, truth, numeric, shortText, essay] = firstItems(attempt.questions, 6);
    const save = (questionId: string, clientSeq: number, answer: object) =>
      nats.request<SaveAnswerAck>(Requests.saveAnswer, { ...attemptOf, questionId, clientSeq, answer });

    const good: [string, object][] = [
      [single.id, { selectedOption: 1 }],
      [multi.id, { selectedOptions: [2, 0] }],
      [truth.id, { booleanValue: false }],
      [numeric.id, { numberValue: 9.8 }],
      [shortText.id, { text: ' paris ' }],
      [essay.id, { text: 'Water crosses a membrane.' }],
    ];
    for (const [questionId, answer] of good) expect((await save(questionId, 1, answer)).err).toBeUndefined();

    const wrongType = await save(truth.id, 2, { text: 'true' });
    expect(wrongType.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(wrongType.err?.details).toEqual([
      'answer.booleanValue: a true/false question is answered with booleanValue only (not text)',
    ]);
    expect((await save(numeric.id, 2, { numberValue: 'nine' })).err?.details).toEqual([
      'answer.numberValue: numberValue must be a number',
    ]);
    expect((await save(multi.id, 2, { selectedOptions: [3] })).err?.details).toEqual([
      'answer.selectedOptions: each must be between 0 and 2',
    ]);
    expect((await save(essay.id, 2, { text: 'one two three four five six' })).err?.details).toEqual([
      'answer.text: this essay allows at most 5 words (it has 6)',
    ]);
    expect((await save(single.id, 2, {})).err?.details).toEqual([
      'answer.selectedOption: a single-choice question is answered with selectedOption only',
    ]);

    const resumed = (await nats.request<AttemptView>(Requests.openAttempt, attemptOf)).response as AttemptView;
    expect(resumed.answers.find((answer) => answer.questionId === multi.id)?.answer).toEqual({
      selectedOptions: [0, 2],
    });
    expect(resumed.answeredCount).toBe(6);

    await nats.request(Requests.submitAttempt, attemptOf);
    await eventually(
      async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0,
      10_000,
      'the outbox to be published',
    );
    const event = first(
      (await storedEvents(nats, Events.attemptSubmitted)).filter((stored) => stored.data.attemptId === attempt.id),
    );
    expect(event.data.answers).toEqual(
      expect.arrayContaining([
        { questionId: multi.id, answer: { selectedOptions: [0, 2] } },
        { questionId: numeric.id, answer: { numberValue: 9.8 } },
        { questionId: shortText.id, answer: { text: ' paris ' } },
      ]),
    );
  });

  it('adds a new version on edit, while a session created before keeps serving the version it pinned', async () => {
    const created = (
      await nats.request<AssessmentView>(Requests.createAssessment, {
        orgId,
        actorId: proctorId,
        assessment: threeQuestionAssessment('Pinned'),
      })
    ).response as AssessmentView;
    const session = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(created.id, { name: 'Before the edit', durationMinutes: 30 }),
      })
    ).response as SessionView;
    const edited = everyTypeAssessment('Pinned, edited');
    const reply = await nats.request<AssessmentView>(Requests.updateAssessment, {
      orgId,
      actorId: proctorId,
      assessmentId: created.id,
      assessment: edited,
    });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toMatchObject({ id: created.id, version: 2, title: 'Pinned, edited', questionCount: 6 });
    expect(reply.response?.currentVersionId).not.toBe(created.currentVersionId);
    const detail = (
      await nats.request<AssessmentDetailView>(Requests.getAssessment, { orgId, assessmentId: created.id })
    ).response;
    expect(detail?.sections).toHaveLength(2);

    enrollment.enroll(orgId, session.id, candidate);
    await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id });
    const attempt = (
      await nats.request<AttemptView>(Requests.openAttempt, { orgId, userId: candidate, sessionId: session.id })
    ).response as AttemptView;
    expect(attempt.questions.map((question) => question.prompt)).toEqual(['H2O is…', 'NaCl is…', 'O2 is…']);
    const afterEdit = (
      await nats.request<SessionView>(Requests.createSession, {
        orgId,
        actorId: proctorId,
        settings: flexibleSettings(created.id, { name: 'After the edit', durationMinutes: 30 }),
      })
    ).response as SessionView;
    expect(afterEdit.assessmentVersionId).toBe(reply.response?.currentVersionId);
    expect(session.assessmentVersionId).toBe(created.currentVersionId);

    const bad = await nats.request(Requests.updateAssessment, {
      orgId,
      actorId: proctorId,
      assessmentId: created.id,
      assessment: { ...edited, sections: [] },
    });
    expect(bad.err?.details).toEqual(['assessment.sections: an assessment needs at least one section']);
    const missing = await nats.request(Requests.updateAssessment, {
      orgId,
      actorId: proctorId,
      assessmentId: randomUUID(),
      assessment: edited,
    });
    expect(missing.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('exports a documented JSON document that imports back to the same content', async () => {
    const exported = (
      await nats.request<AssessmentDocument>(Requests.exportAssessment, { orgId, assessmentId: assessment.id })
    ).response as AssessmentDocument;
    expect(exported).toMatchObject({ format: 'invigil.assessment', formatVersion: 1, title: 'Every type' });
    expect(JSON.stringify(exported)).not.toMatch(/"id"/);
    const imported = await nats.request<AssessmentView>(Requests.importAssessment, {
      orgId,
      actorId: proctorId,
      document: exported,
    });
    expect(imported.err).toBeUndefined();
    expect(imported.response).toMatchObject({ title: 'Every type', version: 1, questionCount: 6 });
    expect(imported.response?.id).not.toBe(assessment.id);
    const again = (
      await nats.request<AssessmentDocument>(Requests.exportAssessment, { orgId, assessmentId: imported.response?.id })
    ).response;
    expect(again).toEqual(exported);
    expect(exported.sections).toEqual(everyTypeAssessment().sections);
  });

  it('refuses an invalid import listing every error by path, writing nothing', async () => {
    const before = await assessmentCount();
    const document = { format: 'invigil.assessment', formatVersion: 1, ...everyTypeAssessment() } as Record<
      string,
      unknown
    >;
    const sections = structuredClone(everyTypeAssessment().sections);
    Object.assign(first(at(sections, 1).questions), { tolerance: -1 });
    Object.assign(first(first(sections).questions), { options: ['only one'] });
    Object.assign(at(at(sections, 1).questions, 1), { acceptedAnswers: [] });
    const reply = await nats.request(Requests.importAssessment, {
      orgId,
      actorId: proctorId,
      document: { ...document, passingPercent: 120, sections },
    });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(reply.err?.details).toEqual([
      'passingPercent: passingPercent must be between 0 and 100',
      'sections.0.questions.0.options: a choice question needs at least 2 options',
      'sections.1.questions.0.tolerance: must be zero or more',
      'sections.1.questions.1.acceptedAnswers: give at least one accepted answer',
    ]);
    const unknownField = await nats.request(Requests.importAssessment, {
      orgId,
      actorId: proctorId,
      document: { ...document, formatVersion: 7, extra: 1 },
    });
    expect(unknownField.err?.details).toEqual(['formatVersion: must be 1', 'extra: property extra should not exist']);
    expect(await assessmentCount()).toBe(before);
  });
});
