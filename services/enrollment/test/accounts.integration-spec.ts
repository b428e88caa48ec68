import type { UserView } from '@invigil/contracts';
import { Requests, RpcErrorCode } from '@invigil/contracts';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import { EXPECTED_GARBAGE_CODES, sendGarbageToEverySubject, uniqueTag } from '@invigil/server-testing';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';

describe('enrollment service over NATS (real PostgreSQL, NATS, Redis)', () => {
  const tag = uniqueTag();
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;

  beforeAll(async () => {
    ({ service, nats } = await startEnrollment(tag));
  });

  afterAll(async () => {
    await stopEnrollment({ service, nats });
  });

  it('signs in with the right password and returns the user without the hash', async () => {
    const proctor = DEMO_USERS[1];
    const reply = await nats.request<UserView>(Requests.login, {
      email: proctor.email.toUpperCase(),
      password: DEMO_PASSWORD,
    });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toEqual({
      id: proctor.id,
      orgId: DEMO_ORG.id,
      orgName: DEMO_ORG.name,
      email: proctor.email,
      displayName: proctor.displayName,
      role: proctor.role,
    });
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const wrong = await nats.request(Requests.login, { email: DEMO_USERS[0].email, password: 'nope' });
    const unknown = await nats.request(Requests.login, { email: 'nobody@example.com', password: 'nope' });
    expect(wrong.err).toEqual({
      code: RpcErrorCode.Unauthenticated,
      message: 'Email or password is wrong. Check both and try again.',
    });
    expect(unknown.err).toEqual(wrong.err);
  });

  it('names every invalid field of a malformed request', async () => {
    const reply = await nats.request(Requests.login, { email: 'not-an-email', role: 'admin' });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
    expect(reply.err?.details).toEqual(
      expect.arrayContaining([
        'role: property role should not exist',
        'email: email must be a valid email address',
        expect.stringMatching(/^password: /),
      ]),
    );
  });

  it("does not show one organization another organization's user", async () => {
    const reply = await nats.request(Requests.getUser, {
      orgId: '11111111-1111-4111-8111-111111111111',
      userId: DEMO_USERS[0].id,
    });
    expect(reply.err?.code).toBe(RpcErrorCode.NotFound);
  });

  it('answers garbage on every subject it listens on with a typed error, then keeps serving', async () => {
    const subjects = Object.values(Requests).filter((subject) => subject.startsWith('enrollment.'));
    const outcomes = await sendGarbageToEverySubject(nats, subjects);
    for (const outcome of outcomes) expect(EXPECTED_GARBAGE_CODES).toContain(outcome.code);
    const after = await nats.request<UserView>(Requests.getUser, { orgId: DEMO_ORG.id, userId: DEMO_USERS[2].id });
    expect(after.response?.displayName).toBe(DEMO_USERS[2].displayName);
  });
});
