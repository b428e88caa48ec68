import type { AccessTokenClaims, ImportPreview, ImportResult, SessionView } from '@invigil/contracts';
import { QuestionType, Role } from '@invigil/contracts';
import type { LocalStack } from '@invigil/local-stack';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { ApiClient, sessionBody } from '@invigil/server-testing';

/** One simulated candidate: who they are to the gateway. */
export interface BenchCandidate {
  userId: string;
  token: string;
}

export interface BenchExam {
  sessionId: string;
  candidates: BenchCandidate[];
}

export const QUESTION_COUNT = 10;

/** Half single choice, half numeric: the two cheapest answer checks, as the exam-socket suite uses. */
function questions(count: number) {
  return Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? {
          type: QuestionType.SingleChoice,
          prompt: `Question ${index + 1}: pick one`,
          options: ['A', 'B', 'C', 'D'],
          correctOption: 1,
          points: 1,
        }
      : {
          type: QuestionType.Numeric,
          prompt: `Question ${index + 1}: a number`,
          correctNumber: 4,
          tolerance: 0,
          points: 1,
        },
  );
}

/**
 * A running 120-minute session with `count` candidates on its roster, set up the way a proctor
 * would (assessment, session, CSV import, start, all through the gateway's API), except that the
 * candidates never log in: their access tokens are signed here with the stack's secret, because
 * an argon2 login per candidate is not what this benchmark measures.
 */
export async function prepareExam(stack: LocalStack, count: number, items = QUESTION_COUNT): Promise<BenchExam> {
  const base = stack.gatewayUrl(0);
  const proctor = await ApiClient.signIn(base, DEMO_USERS[1].email);
  const assessment = await proctor.call<{ id: string }>('POST', '/api/assessments', {
    title: 'Autosave benchmark',
    passingPercent: 50,
    sections: [{ title: 'All', questions: questions(items) }],
  });
  if (assessment.status !== 201)
    throw new Error(`creating the assessment failed: ${assessment.status} ${JSON.stringify(assessment.body)}`);
  const session = await proctor.call<SessionView>(
    'POST',
    '/api/sessions',
    sessionBody('Autosave benchmark', assessment.body.id, 120),
  );
  if (session.status !== 201)
    throw new Error(`creating the session failed: ${session.status} ${JSON.stringify(session.body)}`);
  const sessionId = session.body.id;

  const emailSuffix = `.${stack.settings.tag}@bench.example.com`;
  const lines = ['email,displayName,timeLimitMinutes,timeLimitMultiplier'];
  for (let i = 0; i < count; i++) lines.push(`cand${i}${emailSuffix},Bench Candidate ${i},,`);
  const form = new FormData();
  form.append('file', new Blob([lines.join('\r\n') + '\r\n']), 'bench.csv');
  const uploaded = await fetch(`${base}/api/sessions/${sessionId}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${proctor.accessToken}` },
    body: form,
  });
  const preview = (await uploaded.json()) as ImportPreview;
  if (uploaded.status !== 200 || preview.validRows !== count)
    throw new Error(`the roster import preview failed: ${uploaded.status} ${JSON.stringify(preview).slice(0, 500)}`);
  const committed = await proctor.call<ImportResult>(
    'POST',
    `/api/sessions/${sessionId}/import/${preview.uploadId}/commit`,
    { sendInvitation: false },
  );
  if (committed.status !== 200 || committed.body.added !== count)
    throw new Error(`the roster import failed: ${committed.status} ${JSON.stringify(committed.body).slice(0, 500)}`);
  const started = await proctor.call('POST', `/api/sessions/${sessionId}/start`);
  if (started.status !== 201)
    throw new Error(`starting the session failed: ${started.status} ${JSON.stringify(started.body)}`);

  const users = await importedUsers(stack, emailSuffix);
  if (users.length !== count) throw new Error(`expected ${count} imported accounts, found ${users.length}`);
  const jwt = new JwtService({
    secret: stack.settings.jwtSecret,
    signOptions: { expiresIn: 8 * 3600, issuer: 'invigil' },
  });
  const candidates = users.map((user) => {
    const claims: AccessTokenClaims = {
      sub: user.id,
      orgId: DEMO_ORG.id,
      role: Role.Candidate,
      name: user.display_name,
    };
    return { userId: user.id, token: jwt.sign(claims) };
  });
  return { sessionId, candidates };
}

/** Read straight from the enrollment schema: listing 5,000 participants over NATS would exceed its 1 MB message limit. */
async function importedUsers(stack: LocalStack, emailSuffix: string): Promise<{ id: string; display_name: string }[]> {
  const db = new Client({ connectionString: stack.settings.databaseUrl });
  await db.connect();
  try {
    const result = await db.query<{ id: string; display_name: string }>(
      `select "id", "display_name" from "${stack.schemaOf('enrollment')}"."user_account" where "email" like $1 order by "created_at", "email"`,
      [`%${emailSuffix}`],
    );
    return result.rows;
  } finally {
    await db.end();
  }
}
