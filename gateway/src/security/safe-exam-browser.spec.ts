import type { SessionView } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';
import type { RpcClient } from '@invigil/server-platform';
import { RemoteCallError } from '@invigil/server-platform';
import { createHash } from 'node:crypto';
import { configKeyHash, SafeExamBrowserCheck } from './safe-exam-browser';
import { absoluteRequestUrl } from './safe-exam-browser.guard';

const URL_ = 'https://exams.example.test/api/sessions/5a1f3c1e-7b0e-4c59-9a43-2f3e4d5c6b7a/attempt?view=1';
const KEY = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';
const OTHER_KEY = 'f'.repeat(64);

/** A sessions service that answers getSession with the given Config Keys and counts the calls. */
function sessionsAnswering(keys: string[] | undefined | 'missing') {
  const calls: unknown[] = [];
  const rpc = {
    request: async (_subject: string, payload: unknown) => {
      calls.push(payload);
      if (keys === 'missing')
        throw new RemoteCallError('sessions.session.get', { code: RpcErrorCode.NotFound, message: 'No session' });
      return {
        security: {
          browserLockdown: false,
          screenMonitoring: false,
          identityVerification: false,
          safeExamBrowserConfigKeys: keys,
        },
      } as SessionView;
    },
  } as unknown as RpcClient;
  return { check: new SafeExamBrowserCheck(rpc), calls };
}

describe('Safe Exam Browser Config Key hash', () => {
  it('is hex SHA-256 of the URL without its fragment followed by the Config Key', () => {
    const expected = createHash('sha256')
      .update(URL_ + KEY)
      .digest('hex');
    expect(configKeyHash(URL_, KEY)).toBe(expected);
    expect(configKeyHash(`${URL_}#question-3`, KEY)).toBe(expected);
    expect(configKeyHash(URL_, KEY.toUpperCase())).toBe(expected);
  });

  it('accepts a request whose header matches one of the allowed keys, in either case', async () => {
    const { check } = sessionsAnswering([OTHER_KEY, KEY]);
    const header = createHash('sha256')
      .update(URL_ + KEY)
      .digest('hex');
    await expect(check.verify('org', 'session', URL_, header)).resolves.toBeNull();
    await expect(check.verify('org', 'session', URL_, header.toUpperCase())).resolves.toBeNull();
  });

  it('refuses a missing header, and a hash made for another URL or another key, saying what to do', async () => {
    const { check } = sessionsAnswering([KEY]);
    await expect(check.verify('org', 'session', URL_, undefined)).resolves.toMatch(
      /must be taken in Safe Exam Browser/,
    );
    const otherUrl = createHash('sha256').update(`${URL_}&x=1${KEY}`).digest('hex');
    await expect(check.verify('org', 'session', URL_, otherUrl)).resolves.toMatch(/Config Key does not match/);
    const otherKey = createHash('sha256')
      .update(URL_ + OTHER_KEY)
      .digest('hex');
    await expect(check.verify('org', 'session', URL_, otherKey)).resolves.toMatch(/Config Key does not match/);
  });

  it('requires nothing when the session lists no keys, or is unknown; asks the sessions service once per session for a while', async () => {
    for (const keys of [undefined, [], 'missing'] as (string[] | undefined | 'missing')[]) {
      await expect(sessionsAnswering(keys).check.verify('org', 'session', URL_, undefined)).resolves.toBeNull();
    }
    const { check, calls } = sessionsAnswering([KEY]);
    await check.verify('org', 'session', URL_, undefined);
    await check.verify('org', 'session', URL_, undefined);
    await check.verify('org', 'other-session', URL_, undefined);
    expect(calls).toEqual([
      { orgId: 'org', sessionId: 'session' },
      { orgId: 'org', sessionId: 'other-session' },
    ]);
  });
});

describe('absoluteRequestUrl', () => {
  it('uses what the proxy received (X-Forwarded-Proto and -Host) when present', () => {
    const request = {
      protocol: 'http',
      originalUrl: '/api/x?y=1',
      headers: { host: '10.0.0.5:3000', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'exams.example.test' },
    };
    expect(absoluteRequestUrl(request)).toBe('https://exams.example.test/api/x?y=1');
    expect(absoluteRequestUrl({ protocol: 'http', originalUrl: '/api/x', headers: { host: '127.0.0.1:3000' } })).toBe(
      'http://127.0.0.1:3000/api/x',
    );
  });
});
