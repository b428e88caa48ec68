import SwaggerParser from '@apidevtools/swagger-parser';
import type { CredentialCheckView } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { OpenAPI } from 'openapi-types';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { openApiProblems } from './openapi-structure';
import { startServiceProcess } from './service-process';

type ErrorBody = { message: string };

/** The public verification routes in front of the real enrollment and scoring services. */
describe('gateway: certificate verification routes', () => {
  const tag = uniqueTag();
  const names = ['enrollment', 'scoring'] as const;
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let anonymous: ApiClient;
  let proctor: ApiClient;
  let candidate: ApiClient;

  beforeAll(async () => {
    for (const name of names) services.push(await startServiceProcess(name, tag));
    nats = await RawNats.connect(tag);
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `verification-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
        VERIFY_ADDRESS_MAX_PER_MINUTE: '8',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
    anonymous = new ApiClient(base);
    proctor = await ApiClient.signIn(base, DEMO_USERS[1].email);
    candidate = await ApiClient.signIn(base, DEMO_USERS[2].email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    await nats?.deleteStream();
    await nats?.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of names) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  });

  it('answers unknown and malformed codes with a 404 that says what a code looks like', async () => {
    const malformed = await anonymous.call<ErrorBody>('GET', '/api/verify/not-a-code');
    expect(malformed.status).toBe(404);
    expect(malformed.body.message).toContain('12 letters and digits');
    const unknown = await anonymous.call<ErrorBody>('GET', '/api/verify/0000-0000-0000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('No certificate has the verification code 000000000000');
  });

  it('says an uploaded credential is invalid, and refuses a body that is not one', async () => {
    const forged = await anonymous.call<CredentialCheckView>('POST', '/api/verify/credential', {
      credential: { issuer: 'https://elsewhere.example/issuer', proof: {} },
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ verdict: 'invalid', certificate: null });
    const notObject = await anonymous.call<ErrorBody>('POST', '/api/verify/credential', { credential: 'text' });
    expect(notObject.status).toBe(400);
  });

  it('serves no issuer documents before an organization issued anything, and checks the ids', async () => {
    const profile = await anonymous.call<ErrorBody>('GET', `/api/issuers/${DEMO_ORG.id}`);
    expect(profile.status).toBe(404);
    expect(profile.body.message).toContain('has issued no credentials');
    expect((await anonymous.call('GET', `/api/issuers/${DEMO_ORG.id}/status/0`)).status).toBe(404);
    expect((await anonymous.call('GET', '/api/issuers/nope/key')).status).toBe(400);
    expect((await anonymous.call('GET', `/api/issuers/${DEMO_ORG.id}/status/first`)).status).toBe(400);
  });

  it('lets staff, not candidates, ask for any certificate of their organization', async () => {
    const id = randomUUID();
    const staff = await proctor.call<ErrorBody>('GET', `/api/staff/certificates/${id}/credential`);
    expect(staff.status).toBe(404);
    expect(staff.body.message).toContain('There is no certificate with this id');
    expect((await candidate.call('GET', `/api/staff/certificates/${id}/pdf`)).status).toBe(403);
    expect((await candidate.call('GET', `/api/certificates/${id}/credential`)).status).toBe(404);
  });

  it('documents the public routes in the OpenAPI document with a schema for every body and response', async () => {
    const document = await anonymous.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/verify/{code}',
        '/api/verify/credential',
        '/api/issuers/{orgId}',
        '/api/issuers/{orgId}/key',
        '/api/issuers/{orgId}/status/{page}',
        '/api/certificates/{certificateId}/credential',
        '/api/staff/certificates/{certificateId}/pdf',
      ]),
    );
    expect(openApiProblems(document.body)).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(document.body) as OpenAPI.Document)).resolves.toBeDefined();
  });

  it('limits verifications per address with a 429 that says when to try again', async () => {
    let last = await anonymous.call<ErrorBody>('GET', '/api/verify/0000-0000-0000');
    for (let i = 0; i < 10 && last.status !== 429; i++) {
      last = await anonymous.call<ErrorBody>('GET', '/api/verify/0000-0000-0000');
    }
    expect(last.status).toBe(429);
    expect(last.body.message).toMatch(/Too many certificate verifications from your network address; try again in/);
  });
});
