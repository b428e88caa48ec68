import type { AssessmentView, SessionView } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import type { LocalStack } from '@invigil/local-stack';
import { DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import { uniqueTag } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { ApiClient, sessionBody } from './api-client';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { openApiProblems } from './openapi-structure';
import { startSuiteStack, stopSuiteStack } from './support-stack';

const tag = uniqueTag();
const [, proctor, , candidateNotOnRoster] = DEMO_USERS;
const [rivalProctor, rivalCandidate] = RIVAL_USERS;
const other = randomUUID();
const now = new Date().toISOString();
const photo = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64')}`;

type Caller = 'staff' | 'candidate';
interface Route {
  method: string;
  /** The OpenAPI path, with {sessionId} and every other id filled in by the test. */
  path: string;
  as: Caller[];
  body?: unknown;
}

/** Every session-scoped operation of the API, with a body that passes validation (so the 404 is the session's). */
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/sessions/{sessionId}', as: ['staff', 'candidate'] },
  { method: 'PUT', path: '/api/sessions/{sessionId}', as: ['staff'], body: 'settings' },
  ...['start', 'resume', 'end', 'cancel'].map((verb) => ({
    method: 'POST',
    path: `/api/sessions/{sessionId}/${verb}`,
    as: ['staff'] as Caller[],
  })),
  { method: 'POST', path: '/api/sessions/{sessionId}/pause', as: ['staff'], body: { reason: 'Fire alarm' } },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/reschedule-live',
    as: ['staff'],
    body: { startsAt: '2030-01-01T09:00:00Z', reason: 'Outage' },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/live', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/participants', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/messages', as: ['staff', 'candidate'] },
  { method: 'POST', path: '/api/sessions/{sessionId}/messages', as: ['staff'], body: { body: 'hello' } },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/messages/private',
    as: ['staff'],
    body: { body: 'hello', toUserIds: [other] },
  },
  { method: 'POST', path: '/api/sessions/{sessionId}/messages/to-staff', as: ['candidate'], body: { body: 'hello' } },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/messages/receipts',
    as: ['staff', 'candidate'],
    body: { messageIds: [other], receipt: 'read' },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/messages/unread', as: ['staff', 'candidate'] },
  { method: 'PUT', path: '/api/sessions/{sessionId}/hand', as: ['candidate'], body: { raised: true } },
  { method: 'PUT', path: '/api/sessions/{sessionId}/hands/{userId}', as: ['staff'], body: { raised: false } },
  { method: 'GET', path: '/api/sessions/{sessionId}/hands', as: ['staff', 'candidate'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/participants',
    as: ['staff'],
    body: { entries: [{ userId: other }], sendInvitation: false },
  },
  { method: 'DELETE', path: '/api/sessions/{sessionId}/participants/{participantId}', as: ['staff'] },
  { method: 'POST', path: '/api/sessions/{sessionId}/participants/{participantId}/invitation', as: ['staff'] },
  {
    method: 'PUT',
    path: '/api/sessions/{sessionId}/participants/{participantId}/time-limit',
    as: ['staff'],
    body: { timeLimitMinutes: 60 },
  },
  { method: 'POST', path: '/api/sessions/{sessionId}/import', as: ['staff'], body: 'upload' },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/import/{uploadId}/commit',
    as: ['staff'],
    body: { sendInvitation: false },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/attempt', as: ['candidate'] },
  {
    method: 'PUT',
    path: '/api/sessions/{sessionId}/attempt/answers/{questionId}',
    as: ['candidate'],
    body: { clientSeq: 1, answer: { selectedOption: 0 } },
  },
  { method: 'PUT', path: '/api/sessions/{sessionId}/attempt/position', as: ['candidate'], body: { questionId: other } },
  {
    method: 'PUT',
    path: '/api/sessions/{sessionId}/attempt/flags/{questionId}',
    as: ['candidate'],
    body: { flagged: true },
  },
  { method: 'POST', path: '/api/sessions/{sessionId}/attempt/submit', as: ['candidate'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/result', as: ['candidate'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/review', as: ['staff'] },
  {
    method: 'PUT',
    path: '/api/sessions/{sessionId}/review/settings',
    as: ['staff'],
    body: { doubleMarking: true, moderationThresholdPercent: 20 },
  },
  // Admins only, and the other organization has no admin: its proctor gets 403 before any lookup
  // (review-routes.integration-spec.ts checks the admin's side).
  { method: 'POST', path: '/api/sessions/{sessionId}/review/reveal-identities', as: [] },
  { method: 'GET', path: '/api/sessions/{sessionId}/release', as: ['staff'] },
  {
    method: 'PUT',
    path: '/api/sessions/{sessionId}/release/settings',
    as: ['staff'],
    body: {
      policy: 'manual',
      score: true,
      passFail: true,
      questionCorrectness: false,
      correctAnswers: false,
      feedback: true,
    },
  },
  { method: 'POST', path: '/api/sessions/{sessionId}/release', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/results', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/results/export.csv', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/results/export.xlsx', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/attempts', as: ['staff'] },
  ...['pause', 'resume', 'release-view'].map((verb) => ({
    method: 'POST',
    path: `/api/sessions/{sessionId}/attempts/{userId}/${verb}`,
    as: ['staff'] as Caller[],
  })),
  { method: 'POST', path: '/api/sessions/{sessionId}/attempts/{userId}/extend', as: ['staff'], body: { minutes: 5 } },
  { method: 'GET', path: '/api/sessions/{sessionId}/attempts/{userId}/progress', as: ['staff'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/attempts/bulk',
    as: ['staff'],
    body: { action: 'extend', minutes: 5, userIds: ['8d3f2b1e-5c4a-4e8b-9f1d-2a6c7e9b0d13'] },
  },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/attempts/{userId}/reopen',
    as: ['staff'],
    body: { reason: 'Power cut', minutes: 5 },
  },
  { method: 'POST', path: '/api/sessions/{sessionId}/attempts/{userId}/credit', as: ['staff'], body: { seconds: 5 } },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/signals',
    as: ['candidate'],
    body: { kind: 'tab_hidden', occurredAt: now },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/signals', as: ['staff'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/snapshots',
    as: ['candidate'],
    body: { image: photo, capturedAt: now },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/snapshots', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/snapshots/{snapshotId}/image', as: ['staff'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/identity',
    as: ['candidate'],
    body: { facePhoto: photo, idPhoto: photo },
  },
  { method: 'GET', path: '/api/sessions/{sessionId}/identity/mine', as: ['candidate'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/identity', as: ['staff'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/identity/{userId}/photos/{photo}', as: ['staff'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/identity/{userId}/decision',
    as: ['staff'],
    body: { approved: true },
  },
  ...['', '/verify', '/export'].map((suffix) => ({
    method: 'GET',
    path: `/api/sessions/{sessionId}/record${suffix}`,
    as: ['staff'] as Caller[],
  })),
  { method: 'GET', path: '/api/sessions/{sessionId}/record/mine', as: ['candidate'] },
  { method: 'GET', path: '/api/sessions/{sessionId}/incidents', as: ['staff'] },
  {
    method: 'POST',
    path: '/api/sessions/{sessionId}/incidents',
    as: ['staff'],
    body: { category: 'other', subCategory: 'other', severity: 'low', description: 'Something happened' },
  },
];

describe('gateway: a session of another organization is a 404 on every route; the OpenAPI document (real servers)', () => {
  let stack: LocalStack;
  let session: SessionView;
  let callers: Record<Caller, ApiClient>;

  beforeAll(async () => {
    stack = await startSuiteStack(tag, `session-scoping-${tag}-0123456789abcdefghijkl`, 1);
    const base = stack.gatewayUrl(0);
    const staff = await ApiClient.signIn(base, proctor.email);
    const assessment = await staff.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Scoping',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'A?', options: ['A', 'B'], correctOption: 0, points: 1 },
          ],
        },
      ],
    });
    const created = await staff.call<SessionView>('POST', '/api/sessions', sessionBody('Ours', assessment.body.id, 30));
    expect(created.status).toBe(201);
    session = created.body;
    callers = {
      staff: await ApiClient.signIn(base, rivalProctor.email),
      candidate: await ApiClient.signIn(base, rivalCandidate.email),
    };
  });

  afterAll(() => stopSuiteStack(stack, tag));

  const settings = () => sessionBody('Taken over', session.assessmentId, 30);
  const fill = (path: string) =>
    path
      .replace('{sessionId}', session.id)
      .replace('{photo}', 'face')
      .replace(/\{\w+\}/g, other);

  async function send(client: ApiClient, route: Route): Promise<{ status: number; body: { message?: string } }> {
    if (route.body !== 'upload') {
      return client.call(route.method, fill(route.path), route.body === 'settings' ? settings() : route.body);
    }
    const form = new FormData();
    form.append('file', new Blob(['email,displayName\r\nx@example.com,X\r\n']), 'people.csv');
    const response = await fetch(client.baseUrl + fill(route.path), {
      method: 'POST',
      headers: { authorization: `Bearer ${client.accessToken}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { message?: string } };
  }

  it('lists every session-scoped operation of the OpenAPI document in this test', async () => {
    const document = await new ApiClient(stack.gatewayUrl(0)).call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    const documented = Object.entries(document.body.paths)
      .filter(([path]) => path.includes('{sessionId}'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  const cases = ROUTES.flatMap((route) =>
    route.as.map((as) => ({ name: `${route.method} ${route.path} as ${as}`, route, as })),
  );

  it.each(cases)('$name answers 404', async ({ route, as }) => {
    const response = await send(callers[as], route);
    expect({ status: response.status, message: response.body.message }).toEqual({
      status: 404,
      message: expect.any(String),
    });
  });

  it('answers a candidate of the same organization asking for a result of a session they are not in with 404, not an empty 200', async () => {
    const outsider = await ApiClient.signIn(stack.gatewayUrl(0), candidateNotOnRoster.email);
    const result = await outsider.call<{ message: string }>('GET', `/api/sessions/${session.id}/result`);
    expect(result.status).toBe(404);
    expect(result.body.message).toEqual(expect.any(String));
  });

  it('publishes an OpenAPI 3 document with a schema for every request body and response', async () => {
    const document = await new ApiClient(stack.gatewayUrl(0)).call<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/sessions',
        '/api/sessions/{sessionId}/attempt/answers/{questionId}',
      ]),
    );
    // The official OpenAPI 3 schema (swagger-parser), then what that schema leaves open: a schema per body and response.
    await expect(SwaggerParser.validate(structuredClone(document.body) as OpenAPI.Document)).resolves.toBeDefined();
    expect(openApiProblems(document.body)).toEqual([]);
    // Bodies are described by their validation rules: required fields, formats, nested classes.
    expect(document.body.components.schemas['LoginRequest']).toMatchObject({
      required: ['email', 'password'],
      properties: { email: { type: 'string' } },
    });
    expect(document.body.components.schemas['AddParticipantsBody']?.properties?.['entries']).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { $ref: '#/components/schemas/AddParticipantEntry' },
    });
    const withBody = Object.values(document.body.paths).flatMap((operations) =>
      Object.values(operations).filter((operation) => operation.requestBody),
    );
    expect(withBody.length).toBeGreaterThan(20);

    // The check itself finds what it is for.
    const broken = structuredClone(document.body);
    delete broken.components.schemas['SessionView'];
    const login = broken.paths['/api/auth/login']?.['post'] as { requestBody?: { content: object } };
    login.requestBody = { content: { 'application/json': {} } };
    expect(openApiProblems(broken)).toEqual(
      expect.arrayContaining([
        '$ref #/components/schemas/SessionView does not resolve',
        'POST /api/auth/login: request body without a schema',
      ]),
    );
  });
});
