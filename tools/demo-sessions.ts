import type { AttemptView, SessionView } from '@invigil/contracts';
import { SessionStatus } from '@invigil/contracts';
import { DEMO_ASSESSMENT_ID, DEMO_USERS } from '@invigil/server-seed';
import { ApiClient, sessionBody } from '@invigil/server-testing';

/** The demo's live session; a new one is made when none of that name is running (e.g. the next day). */
const DEMO_LIVE_SESSION_NAME = 'Demo: live session';

const [, PROCTOR, CARLA, CHEN, CYRUS] = DEMO_USERS;

async function expectOk<T>(response: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`demo data: ${what} failed with ${status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * A running session for the demo, made through the public API as a proctor and candidates would, so
 * the proctor's first look at the live dashboard has something on it: Carla is invited and has not
 * joined (sign in as her to take the exam), Chen has answered two questions and flagged one, Cyrus has
 * asked the proctor a question. Late entry stays open for the whole session so Carla can join with the
 * code whenever someone tries the demo. Safe to run on every start: nothing is made while one is running.
 */
export async function ensureDemoLiveSession(baseUrl: string): Promise<{ session: SessionView; created: boolean }> {
  const proctor = await ApiClient.signIn(baseUrl, PROCTOR.email);
  const sessions = await expectOk(proctor.call<SessionView[]>('GET', '/api/sessions'), 'listing sessions');
  const live: string[] = [SessionStatus.InProgress, SessionStatus.Paused];
  const running = sessions.find((session) => session.name === DEMO_LIVE_SESSION_NAME && live.includes(session.status));
  if (running) return { session: running, created: false };
  const body = sessionBody(DEMO_LIVE_SESSION_NAME, DEMO_ASSESSMENT_ID, 90, { lateEntry: true, lateEntryMinutes: 90 });
  const session = await expectOk(proctor.call<SessionView>('POST', '/api/sessions', body), 'creating the demo session');
  const entries = [CARLA, CHEN, CYRUS].map((user) => ({ userId: user.id }));
  await expectOk(
    proctor.call('POST', `/api/sessions/${session.id}/participants`, { entries, sendInvitation: false }),
    'adding the demo candidates',
  );
  const chen = await ApiClient.signIn(baseUrl, CHEN.email);
  const cyrus = await ApiClient.signIn(baseUrl, CYRUS.email);
  for (const candidate of [chen, cyrus])
    await expectOk(candidate.call('POST', '/api/enrollment/join', { code: session.enrollmentCode }), 'joining');
  await expectOk(proctor.call('POST', `/api/sessions/${session.id}/start`), 'starting the demo session');

  const attempt = await expectOk(chen.call<AttemptView>('GET', `/api/sessions/${session.id}/attempt`), 'opening');
  const [first, second] = attempt.questions;
  if (first && second) {
    const answer = (questionId: string, selectedOption: number, clientSeq: number) =>
      expectOk(
        chen.call('PUT', `/api/sessions/${session.id}/attempt/answers/${questionId}`, {
          clientSeq,
          answer: { selectedOption },
        }),
        'saving an answer',
      );
    await answer(first.id, 1, 1);
    await answer(second.id, 0, 2);
    await expectOk(
      chen.call('PUT', `/api/sessions/${session.id}/attempt/flags/${second.id}`, { flagged: true }),
      'flagging',
    );
  }
  await expectOk(cyrus.call('GET', `/api/sessions/${session.id}/attempt`), 'opening');
  await expectOk(
    cyrus.call('POST', `/api/sessions/${session.id}/messages/to-staff`, {
      body: 'My screen went dark for a moment. Did my first answer save?',
    }),
    'asking the proctor',
  );
  return { session, created: true };
}
