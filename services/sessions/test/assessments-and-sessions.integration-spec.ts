import type { AssessmentView, ScoringKeyView, SessionView } from '@invigil/contracts';
import { Events, QuestionType, Requests, Role, RpcErrorCode, SessionStatus } from '@invigil/contracts';
import { ENROLLMENT_CODE_ALPHABET } from '@invigil/domain';
import { OutboxRelay } from '@invigil/server-platform';
import type { RawNats } from '@invigil/server-testing';
import { eventually, EXPECTED_GARBAGE_CODES, sendGarbageToEverySubject } from '@invigil/server-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { storedEvents } from './support/events';
import type { EnrollmentPeer } from './support/enrollment-peer';
import { flexibleSettings, threeQuestionAssessment } from './support/fixtures';
import { at, first } from '@invigil/server-testing';
import { SessionsSuite } from './support/sessions-suite';

describe('sessions service: assessments and sessions over NATS (real PostgreSQL, NATS, Redis)', () => {
  const suite = new SessionsSuite();
  const orgId = randomUUID();
  const otherOrgId = randomUUID();
  const proctorId = randomUUID();
  let nats: RawNats;
  let enrollment: EnrollmentPeer;
  let assessment: AssessmentView;

  beforeAll(async () => {
    ({ nats, enrollment } = await suite.start());
    enrollment.addUser(orgId, proctorId, Role.Proctor);
    enrollment.addUser(otherOrgId, proctorId, Role.Proctor);
    assessment = await suite.createAssessment(orgId, proctorId);
  });

  afterAll(() => suite.stop());

  const createSession = (extra: Record<string, unknown> = {}, org = orgId) =>
    nats.request<SessionView>(Requests.createSession, {
      orgId: org,
      actorId: proctorId,
      settings: flexibleSettings(assessment.id, extra),
    });

  it('migrations build exactly the schema the entities describe', async () => {
    const orm = suite.service.app.get<MikroORM, MikroORM>(MikroORM);
    expect(
      await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema: suite.service.env.DB_SCHEMA }),
    ).toBe('');
  });

  it('creates an assessment as version 1 and lists it', async () => {
    expect(assessment).toMatchObject({
      orgId,
      title: 'Chemistry basics',
      version: 1,
      questionCount: 3,
      passingPercent: 60,
    });
    const list = await nats.request<AssessmentView[]>(Requests.listAssessments, { orgId });
    expect(list.response).toEqual([assessment]);
    const otherOrg = await nats.request<AssessmentView[]>(Requests.listAssessments, { orgId: otherOrgId });
    expect(otherOrg.response).toEqual([]);
  });

  it('refuses an answer key outside the options, naming its path', async () => {
    const content = threeQuestionAssessment();
    at(first(content.sections).questions, 1).correctOption = 2;
    const reply = await nats.request(Requests.createAssessment, { orgId, actorId: proctorId, assessment: content });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    const problem =
      "assessment.sections.0.questions.1.correctOption: must be between 0 and 1, the index of one of the question's options";
    expect(reply.err?.details).toEqual([problem]);
    expect(reply.err?.message).toContain(problem);
  });

  it('gives the scoring key of the pinned version only to its organization', async () => {
    const key = await nats.request<ScoringKeyView>(Requests.getScoringKey, {
      orgId,
      assessmentVersionId: assessment.currentVersionId,
    });
    expect(key.response).toMatchObject({
      assessmentVersionId: assessment.currentVersionId,
      title: 'Chemistry basics',
      passingPercent: 60,
    });
    expect(
      key.response?.questions.map((question) => [
        question.type === QuestionType.SingleChoice && question.correctOption,
        question.points,
      ]),
    ).toEqual([
      [1, 1],
      [0, 2],
      [2, 3],
    ]);
    const foreign = await nats.request(Requests.getScoringKey, {
      orgId: otherOrgId,
      assessmentVersionId: assessment.currentVersionId,
    });
    expect(foreign.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('creates an open session with a generated code from the unambiguous alphabet, pinning the current version', async () => {
    const reply = await createSession();
    expect(reply.err).toBeUndefined();
    const session = reply.response as SessionView;
    expect(session.enrollmentCode).toMatch(new RegExp(`^[${ENROLLMENT_CODE_ALPHABET}]{6}$`));
    expect(session).toMatchObject({
      orgId,
      status: SessionStatus.Open,
      assessmentId: assessment.id,
      assessmentVersionId: assessment.currentVersionId,
      assessmentTitle: 'Chemistry basics',
      questionCount: 3,
      proctorId,
      durationMinutes: 45,
      startedAt: null,
    });
    const created = await eventually(async () =>
      (await storedEvents(nats, Events.sessionCreated)).find((event) => event.data.sessionId === session.id),
    );
    expect(created.data).toMatchObject({
      orgId,
      sessionId: session.id,
      name: session.name,
      enrollmentCode: session.enrollmentCode,
      questionCount: 3,
      status: SessionStatus.Open,
    });
  });

  it('stores a typed code normalised and refuses it again in any case while that session runs', async () => {
    const first = await createSession({ enrollmentCode: 'chem42' });
    expect(first.response?.enrollmentCode).toBe('CHEM42');
    const again = await createSession({ enrollmentCode: 'Chem42' });
    expect(again.err?.code).toBe(RpcErrorCode.Conflict);
    expect(again.err?.message).toContain('"CHEM42"');
    // Codes are per organization: another one may use the same code (with its own assessment).
    const theirs = await nats.request<AssessmentView>(Requests.createAssessment, {
      orgId: otherOrgId,
      actorId: proctorId,
      assessment: threeQuestionAssessment(),
    });
    const elsewhere = await createSession({ enrollmentCode: 'CHEM42', assessmentId: theirs.response?.id }, otherOrgId);
    expect(elsewhere.response?.enrollmentCode).toBe('CHEM42');
  });

  it('enforces the code in PostgreSQL too, not only in the service', async () => {
    const em = suite.db();
    const row = first(
      await em.execute<{ assessment_version_id: string }[]>(
        `select assessment_version_id from "session" where enrollment_code = 'CHEM42' and org_id = ?`,
        [orgId],
      ),
    );
    const insert = em.execute(
      `insert into "session" (id, org_id, name, assessment_id, assessment_version_id, proctor_id, enrollment_code, duration_minutes, status, created_at, updated_at,
         start_mode, schedule_version, time_zone, enrollment_mode, late_entry, time_limit_mode, grace_period_seconds, browser_lockdown, screen_monitoring, identity_verification)
       values (?, ?, 'copy', ?, ?, ?, 'CHEM42', 10, 'open', now(), now(), 'flexible', 0, 'UTC', 'auto', false, 'session_wide', 0, false, false, false)`,
      [randomUUID(), orgId, assessment.id, row.assessment_version_id, proctorId],
    );
    await expect(insert).rejects.toThrow(/session_org_id_enrollment_code_active_unique/);
  });

  it('lets exactly one of several concurrent creates with the same code win', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => createSession({ enrollmentCode: 'race77' })));
    expect(replies.filter((reply) => reply.response).length).toBe(1);
    for (const reply of replies.filter((candidate) => candidate.err)) {
      expect(reply.err?.code).toBe(RpcErrorCode.Conflict);
      expect(reply.err?.message).toContain('"RACE77"');
    }
  });

  it('refuses an assessment of another organization, naming the field', async () => {
    const reply = await createSession({}, otherOrgId);
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(reply.err?.details?.[0]).toMatch(/^settings\.assessmentId: no assessment /);
    expect(reply.err?.message).toContain(assessment.id);
  });

  it("resolves a code however it is typed, among the organization's sessions only", async () => {
    const resolved = await nats.request<SessionView>(Requests.resolveEnrollmentCode, { orgId, code: 'che-m42' });
    expect(resolved.response?.enrollmentCode).toBe('CHEM42');
    expect(resolved.response?.orgId).toBe(orgId);
    const unknown = await nats.request(Requests.resolveEnrollmentCode, { orgId, code: 'ZZZZ99' });
    expect(unknown.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('lists sessions newest first and gets one by id within its organization', async () => {
    const list = await nats.request<SessionView[]>(Requests.listSessions, { orgId });
    const sessions = list.response ?? [];
    expect(sessions.map((session) => session.enrollmentCode).slice(0, 2)).toEqual(['RACE77', 'CHEM42']);
    expect(sessions.length).toBe(3);
    expect(new Set(sessions.map((session) => session.assessmentTitle))).toEqual(new Set(['Chemistry basics']));
    const oldest = at(sessions, 2);
    const one = await nats.request<SessionView>(Requests.getSession, { orgId, sessionId: oldest.id });
    expect(one.response).toEqual(oldest);
    const foreign = await nats.request(Requests.getSession, { orgId: otherOrgId, sessionId: oldest.id });
    expect(foreign.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('starts a session once; a second start is a conflict naming the current state', async () => {
    const session = (await createSession({ enrollmentCode: 'START1' })).response as SessionView;
    const started = await nats.request<SessionView>(Requests.startSession, {
      orgId,
      actorId: proctorId,
      sessionId: session.id,
    });
    expect(started.response?.status).toBe(SessionStatus.InProgress);
    expect(started.response?.startedAt).not.toBeNull();
    const twice = await nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id });
    expect(twice.err?.code).toBe(RpcErrorCode.Conflict);
    expect(twice.err?.message).toContain('"in_progress"');
    await eventually(async () => (await suite.service.app.get(OutboxRelay).backlog()) === 0);
    const events = (await storedEvents(nats, Events.sessionStarted)).filter(
      (event) => event.data.sessionId === session.id,
    );
    expect(events.map((event) => event.data)).toEqual([
      { orgId, sessionId: session.id, name: session.name, startedAt: started.response?.startedAt, actorId: proctorId },
    ]);
  });

  it('answers garbage on every sessions subject with a typed error, then keeps serving', async () => {
    const subjects = Object.values(Requests).filter((subject) => subject.startsWith('sessions.'));
    expect(subjects.length).toBeGreaterThanOrEqual(11);
    const outcomes = await sendGarbageToEverySubject(nats, subjects);
    for (const outcome of outcomes) expect(EXPECTED_GARBAGE_CODES).toContain(outcome.code);
    const after = await nats.request<AssessmentView[]>(Requests.listAssessments, { orgId });
    expect(after.response?.[0]?.id).toBe(assessment.id);
  });
});
