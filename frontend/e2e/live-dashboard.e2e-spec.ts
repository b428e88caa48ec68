import type { LiveSessionView, ParticipantView } from '@invigil/contracts';
import { Events, Requests, SignalKind } from '@invigil/contracts';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-seed';
import { envelope, publishEnvelope, RawNats } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const candidates = [DEMO_USERS[2], DEMO_USERS[3], DEMO_USERS[4]] as const;
const d = sel.dashboard;
const HALL = 200;

/** The names the rendered rows show, top to bottom. */
const rowNames = (page: Page) =>
  page
    .locator('[data-testid^="dashboard-row-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));

/** Waits until the rendered rows start with `expected` (the page re-renders after each choice). */
async function expectTopRows(page: Page, expected: string[]): Promise<void> {
  const top = async () => (await rowNames(page)).slice(0, expected.length);
  const deadline = Date.now() + 10_000;
  let shown = await top();
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await top();
  }
  expect(shown).toEqual(expected);
}

describe('the live dashboard, bulk actions and the system check (real Chromium)', () => {
  const suite = useE2eSuite();
  let proctorApi: ApiClient;
  let nats: RawNats;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    nats = await RawNats.connect(suite.stack.settings.tag);
  });

  afterAll(async () => {
    await nats?.close();
  });

  /** 200 people on the roster through the real import (upload, then commit), none of them joined. */
  async function hallOf200(): Promise<{ sessionId: string; roster: ParticipantView[] }> {
    const session = await proctorApi.call<{ id: string }>('POST', '/sessions', demoSessionBody('Hall of 200'));
    const login = await fetch(suite.url('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: proctor.email, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const lines = [
      'email,displayName',
      ...Array.from({ length: HALL }, (_, i) => `hall${i}@e2e.invigil.test,Hall ${String(i).padStart(3, '0')}`),
    ];
    const form = new FormData();
    form.append('file', new Blob([lines.join('\r\n') + '\r\n']), 'hall.csv');
    const preview = await fetch(suite.url(`/api/sessions/${session.id}/import`), {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    const { uploadId, validRows } = (await preview.json()) as { uploadId: string; validRows: number };
    expect(validRows).toBe(HALL);
    await proctorApi.call('POST', `/sessions/${session.id}/import/${uploadId}/commit`, { sendInvitation: false });
    const roster = await proctorApi.call<ParticipantView[]>('GET', `/sessions/${session.id}/participants`);
    expect(roster).toHaveLength(HALL);
    return { sessionId: session.id, roster };
  }

  it('shows 200 candidates, filtered to the disconnected ones and sorted by alert severity, and keeps the choice', async () => {
    const { sessionId, roster } = await hallOf200();
    const byName = (name: string) => roster.find((person) => person.displayName === name) as ParticipantView;
    const scope = { orgId: DEMO_ORG.id, sessionId };
    // Monitoring learns the roster from enrollment's events; signals are accepted only from people it knows.
    const deadline = Date.now() + 30_000;
    while ((await proctorApi.call<LiveSessionView>('GET', `/sessions/${sessionId}/live`)).participants.length < HALL) {
      if (Date.now() > deadline) throw new Error('monitoring did not learn the 200 invited people within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Six lose their connection (as sessions reports it); alerts of each severity go to some of them and to others.
    const lost = ['Hall 010', 'Hall 020', 'Hall 030', 'Hall 040', 'Hall 050', 'Hall 060'].map(byName);
    for (const person of lost)
      await publishEnvelope(
        nats,
        envelope(Events.attemptDisconnected, {
          ...scope,
          userId: person.userId,
          attemptId: randomUUID(),
          since: new Date(Date.now() - 90_000).toISOString(),
        }),
      );
    const alerts: [string, SignalKind][] = [
      ['Hall 050', SignalKind.TabHidden],
      ['Hall 040', SignalKind.ViewTakenOver],
      ['Hall 030', SignalKind.PasteAttempted],
      ['Hall 100', SignalKind.MultipleScreens],
    ];
    for (const [name, kind] of alerts) {
      const reply = await nats.request(Requests.recordSignal, {
        ...scope,
        userId: byName(name).userId,
        kind,
        occurredAt: new Date().toISOString(),
      });
      expect(reply.err).toBeUndefined();
    }

    const page = await suite.signedInPage(proctor);
    await page.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await expectText(page.getByTestId(d.counterInvited), String(HALL));
    await expectText(page.getByTestId(d.counterDisconnected), '6');
    await expectContains(page.getByTestId(d.shownCount), `Showing ${HALL} of ${HALL} candidates`);
    // Virtualized: only the rows in view are in the page.
    expect((await rowNames(page)).length).toBeLessThan(40);

    await page.getByTestId(d.filterConnectivity).selectOption({ label: 'Disconnected' });
    await page.getByTestId(d.sort).selectOption({ label: 'Alert severity' });
    await expectContains(page.getByTestId(d.shownCount), `Showing 6 of ${HALL} candidates`);
    await expectTopRows(page, ['Hall 040', 'Hall 030', 'Hall 050', 'Hall 010', 'Hall 020', 'Hall 060']);
    expect(await rowNames(page)).toHaveLength(6);
    const top = page.getByTestId(d.row(byName('Hall 040').userId));
    await expectContains(top.getByTestId(d.rowAlerts), 'High');
    await expectContains(top.getByTestId(d.rowConnectivity), 'last seen');

    await page.reload();
    await expectContains(page.getByTestId(d.shownCount), `Showing 6 of ${HALL} candidates`);
    await expectTopRows(page, ['Hall 040', 'Hall 030', 'Hall 050', 'Hall 010', 'Hall 020', 'Hall 060']);
    expect(await rowNames(page)).toHaveLength(6);

    // A link with a value this version does not know: ignored, and the page says so.
    await page.goto(suite.url(`/proctor/sessions/${sessionId}?status=lunch&sort=severity`));
    await expectContains(page.getByTestId(d.ignored), 'status "lunch"');
    await expectContains(page.getByTestId(d.shownCount), `Showing ${HALL} of ${HALL} candidates`);
    // Sorted by severity over all 200: the two with a high alert first, by name.
    await expectTopRows(page, ['Hall 040', 'Hall 100', 'Hall 030', 'Hall 050', 'Hall 000']);
  });

  it('extends three candidates at once: two are given the minutes, the one who submitted is refused with the reason', async () => {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Bulk extend'),
    );
    const apis = await Promise.all(candidates.map((person) => suite.api(person)));
    for (const api of apis) await api.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${session.id}/start`);
    for (const api of apis) await api.call('GET', `/sessions/${session.id}/attempt`);
    const [first, second, submitted] = candidates;
    await (apis[2] as ApiClient).call('POST', `/sessions/${session.id}/attempt/submit`);

    const page = await suite.signedInPage(proctor);
    await page.goto(suite.url(`/proctor/sessions/${session.id}`));
    for (const person of candidates) {
      const row = page.getByTestId(d.row(person.id));
      await expectVisible(row);
      await row.getByTestId(d.rowSelect).check();
    }
    await page.getByTestId(d.bulkMinutes).fill('10');
    await page.getByTestId(d.bulkReason).fill('Network outage in room 2');
    await page.getByTestId(d.bulkExtend).click();

    await expectText(page.getByTestId(d.bulkSummary), 'Extend: 2 done, 1 refused');
    await expectContains(page.getByTestId(d.bulkOutcome(first.id)), 'Done: Given 10 more minutes');
    await expectContains(page.getByTestId(d.bulkOutcome(second.id)), 'Done: Given 10 more minutes');
    await expectContains(
      page.getByTestId(d.bulkOutcome(submitted.id)),
      'Refused: This candidate has already submitted; the clock no longer runs.',
    );
    await expectContains(page.getByTestId(d.row(first.id)).getByTestId(d.rowAdjustments), '+10 min extension');

    // The same three get one private message each, in their own thread (check() keeps a ticked box ticked).
    for (const person of candidates) await page.getByTestId(d.row(person.id)).getByTestId(d.rowSelect).check();
    await page.getByTestId(d.bulkMessageText).fill('Ten more minutes after the outage.');
    await page.getByTestId(d.bulkMessageSend).click();
    await expectText(page.getByTestId(d.bulkMessageSent), 'Sent to 3 candidates');

    // The drawer: question by question, the chat thread and the record, for one candidate.
    await page.getByTestId(d.row(first.id)).getByTestId(d.rowOpen).click();
    const drawer = page.getByTestId(d.drawer);
    await expectVisible(drawer.getByTestId(d.drawerQuestions));
    await expectContains(drawer.getByTestId(d.drawerQuestions), 'Changes');
    await expectContains(drawer.getByTestId(d.drawerChat), 'Ten more minutes after the outage.');
    await expectContains(drawer.getByTestId(d.drawerRecord), 'Time extended');
    await expectContains(drawer.getByTestId(d.drawerRecord), 'reason: Network outage in room 2');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('tells a candidate without a camera what to fix', async () => {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Camera needed', {
        security: { browserLockdown: false, screenMonitoring: false, identityVerification: true },
      }),
    );
    const candidate = candidates[0];
    await (await suite.api(candidate)).call('POST', '/enrollment/join', { code: session.enrollmentCode });
    // This Chromium has no camera (no fake device), and the site may use one.
    const page = await suite.signedInPage(candidate, { permissions: ['camera'] });
    await page.getByTestId(sel.systemCheck.homeLink).click();
    await expectVisible(page.getByTestId(sel.systemCheck.page));
    await page.goto(suite.url(`/exam/system-check?session=${session.id}`));
    const camera = page.getByTestId(sel.systemCheck.check('camera'));
    await expectText(camera.getByTestId(sel.systemCheck.status), 'Needs attention');
    await expectContains(camera, 'No camera was found.');
    await expectContains(camera.getByTestId(sel.systemCheck.fix), 'Connect a camera');
    await expectText(page.getByTestId(sel.systemCheck.check('browser')).getByTestId(sel.systemCheck.status), 'OK');
    await expectText(page.getByTestId(sel.systemCheck.check('connection')).getByTestId(sel.systemCheck.status), 'OK');
  });
});
