import type { AttemptView, RpcErrorBody, SaveAnswerAck, SaveAnswerRequest, SessionView } from '@invigil/contracts';
import { Requests, Role } from '@invigil/contracts';
import type { ProcessSpec } from '@invigil/local-stack';
import { testDatabaseUrl, testNatsUrl, testRedisUrl } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { flexibleSettings } from './fixtures';
import type { SessionsSuite } from './sessions-suite';

const root = join(__dirname, '../../../..');

/** A started session and its candidates' opened attempts (three single-choice questions each). */
export interface ExamUnderTest {
  orgId: string;
  proctorId: string;
  session: SessionView;
  attempts: Map<string, AttemptView>;
}

export async function startExam(suite: SessionsSuite, candidates: number): Promise<ExamUnderTest> {
  const orgId = randomUUID();
  const proctorId = randomUUID();
  suite.enrollment.addUser(orgId, proctorId, Role.Proctor);
  const assessment = await suite.createAssessment(orgId, proctorId);
  const created = await suite.nats.request<SessionView>(Requests.createSession, {
    orgId,
    actorId: proctorId,
    settings: flexibleSettings(assessment.id, { durationMinutes: 45 }),
  });
  const session = created.response as SessionView;
  await suite.nats.request(Requests.startSession, { orgId, actorId: proctorId, sessionId: session.id });
  const attempts = new Map<string, AttemptView>();
  for (let i = 0; i < candidates; i++) {
    const userId = randomUUID();
    suite.enrollment.enroll(orgId, session.id, userId);
    const opened = await suite.nats.request<AttemptView>(Requests.openAttempt, {
      orgId,
      userId,
      sessionId: session.id,
    });
    if (!opened.response) throw new Error(`Could not open an attempt: ${JSON.stringify(opened.err)}`);
    attempts.set(userId, opened.response);
  }
  return { orgId, proctorId, session, attempts };
}

export function saveOf(
  exam: ExamUnderTest,
  userId: string,
  questionId: string,
  clientSeq: number,
  selectedOption: number,
): SaveAnswerRequest {
  return { orgId: exam.orgId, sessionId: exam.session.id, userId, questionId, clientSeq, answer: { selectedOption } };
}

export type SaveResult = { ack: SaveAnswerAck } | { refused: RpcErrorBody } | { failed: string };

/** A save's outcome through NATS: acknowledged, refused with a reason, or no reply at all. */
export async function sendSave(
  suite: SessionsSuite,
  request: SaveAnswerRequest,
  timeoutMs = 3000,
): Promise<SaveResult> {
  try {
    const reply = await suite.nats.request<SaveAnswerAck>(Requests.saveAnswer, request, timeoutMs);
    if (reply.response) return { ack: reply.response };
    if (reply.err) return { refused: reply.err };
    return { failed: 'an empty reply' };
  } catch (error) {
    return { failed: String(error) };
  }
}

/** `services/sessions/src/main.ts` as its own process (a replica a test may SIGKILL), on the suite's schema and subjects. */
export function sessionsProcess(tag: string, port: number, env: Record<string, string> = {}): ProcessSpec {
  return {
    name: 'sessions-child',
    command: process.execPath,
    args: [join(root, 'tools/run-ts.js'), join(root, 'services/sessions/src/main.ts')],
    env: {
      NODE_ENV: 'test',
      HTTP_PORT: String(port),
      DATABASE_URL: testDatabaseUrl(),
      DB_SCHEMA: `sessions_${tag}`,
      NATS_URL: testNatsUrl(),
      NATS_SUBJECT_PREFIX: `${tag}.`,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: tag,
      LOG_LEVEL: 'warn',
      ...env,
    },
    cwd: root,
    logFile: join(root, 'tmp/test-logs', tag, 'sessions-child.log'),
  };
}
