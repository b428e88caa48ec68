import { DEMO_USERS } from '@invigil/server-seed';
import type { Locator, Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const carla = DEMO_USERS[2];
const chen = DEMO_USERS[3];
const c = sel.chat;
const p = sel.proctor;
const e = sel.exam;

/** Waits until the elements' texts are exactly these, in this order (nothing missing, nothing twice). */
async function expectTexts(locator: Locator, expected: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = (await locator.allTextContents()).map((text) => text.trim());
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${locator} to show ${JSON.stringify(expected)}, but it showed ${JSON.stringify(last)}`);
}

describe('messages: two-way chat with receipts, raised hands, filtered broadcasts (real Chromium)', () => {
  const suite = useE2eSuite();
  let proctorApi: ApiClient;
  let proctorPage: Page;
  let carlaPage: Page;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    proctorPage = await suite.signedInPage(proctor);
    carlaPage = await suite.signedInPage(carla);
  });

  /** A session the given candidates joined (waiting room until it starts). */
  async function joinedSession(name: string, people: (typeof DEMO_USERS)[number][]): Promise<string> {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody(name),
    );
    for (const person of people) {
      const api = await suite.api(person);
      await api.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    }
    return session.id;
  }

  async function openThread(sessionId: string, userId: string): Promise<Locator> {
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await proctorPage.getByTestId(p.participantRow(userId)).getByTestId(c.participantMessage).click();
    const thread = proctorPage.getByTestId(c.thread);
    await expectVisible(thread);
    return thread;
  }

  it('lets a candidate and a proctor write both ways with read receipts, through a reload of each side', async () => {
    const sessionId = await joinedSession('Chat: both ways', [carla]);
    await carlaPage.goto(suite.url(`/exam/${sessionId}`));
    await expectVisible(carlaPage.getByTestId(e.waitingRoom));

    // From the waiting room, the candidate asks; the proctor's thread shows it and reading it is receipted.
    await carlaPage.getByTestId(c.askInput).fill('May I use scrap paper?');
    await carlaPage.getByTestId(c.askSend).click();
    await expectTexts(carlaPage.getByTestId(c.examMessageBody), ['May I use scrap paper?']);
    const thread = await openThread(sessionId, carla.id);
    await expectTexts(thread.getByTestId(c.threadMessageBody), ['May I use scrap paper?']);
    await expectText(carlaPage.getByTestId(c.examMessageReceipt), '· Read by the proctor');

    // The proctor answers: the candidate sees it, and the proctor sees it delivered and read.
    await thread.getByTestId(c.threadInput).fill('Yes, one sheet. <b>Keep it</b> on the desk.');
    await thread.getByTestId(c.threadSend).click();
    const bodies = ['May I use scrap paper?', 'Yes, one sheet. <b>Keep it</b> on the desk.'];
    await expectTexts(carlaPage.getByTestId(c.examMessageBody), bodies);
    // Shown as text, never as markup.
    expect(await carlaPage.getByTestId(c.examMessageBody).last().locator('b').count()).toBe(0);
    await carlaPage.getByTestId(c.examMessage).last().scrollIntoViewIfNeeded();
    await expectText(thread.getByTestId(c.threadReceipt).last(), '· Read');

    // A reload of each side: everything there once, in order, with its receipts.
    await carlaPage.reload();
    await expectTexts(carlaPage.getByTestId(c.examMessageBody), bodies);
    await expectText(carlaPage.getByTestId(c.examMessageReceipt), '· Read by the proctor');
    const reloaded = await openThread(sessionId, carla.id);
    await expectTexts(reloaded.getByTestId(c.threadMessageBody), bodies);
    await expectTexts(reloaded.getByTestId(c.threadReceipt), ['· Read', '· Read']);

    // Once the exam runs, the same thread continues from the exam view.
    await proctorApi.call('POST', `/sessions/${sessionId}/start`);
    await expectVisible(carlaPage.getByTestId(e.answeredCount));
    await carlaPage.getByTestId(c.askInput).fill('Question 2 has a typo.');
    await carlaPage.getByTestId(c.askSend).click();
    const all = [...bodies, 'The session "Chat: both ways" has started. Good luck!', 'Question 2 has a typo.'];
    await expectTexts(reloaded.getByTestId(c.threadMessageBody), all);
    await expectTexts(carlaPage.getByTestId(c.examMessageBody), all);
  });

  it("brings a candidate's raised hand to the proctor, who lowers it after helping", async () => {
    const sessionId = await joinedSession('Chat: hands', [carla]);
    await carlaPage.goto(suite.url(`/exam/${sessionId}`));
    await expectVisible(carlaPage.getByTestId(e.waitingRoom));
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    const row = proctorPage.getByTestId(p.participantRow(carla.id));
    await expectVisible(row);

    await carlaPage.getByTestId(c.raiseHand).click();
    await expectText(carlaPage.getByTestId(c.raiseHand), 'Lower hand');
    await expectText(row.getByTestId(c.participantHand), 'Hand raised');
    await row.getByTestId(c.participantMessage).click();
    await expectContains(proctorPage.getByTestId(c.threadHand), 'raised their hand');
    await proctorPage.getByTestId(c.threadLowerHand).click();
    await expectText(carlaPage.getByTestId(c.raiseHand), 'Raise hand');
    expect(await row.getByTestId(c.participantHand).count()).toBe(0);
  });

  it('sends a broadcast filtered by status only to the candidates it matches, and counts their receipts', async () => {
    const sessionId = await joinedSession('Chat: filtered broadcast', [carla, chen]);
    const chenPage = await suite.signedInPage(chen);
    await proctorApi.call('POST', `/sessions/${sessionId}/start`);
    for (const page of [carlaPage, chenPage]) {
      await page.goto(suite.url(`/exam/${sessionId}`));
      await expectVisible(page.getByTestId(e.answeredCount));
    }
    // Chen is paused, Carla is in session: "In Session" means Carla only.
    await proctorApi.call('POST', `/sessions/${sessionId}/attempts/${chen.id}/pause`);
    await expectVisible(chenPage.getByTestId(e.pausedOverlay));
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
    await expectText(proctorPage.getByTestId(p.participantRow(chen.id)).getByTestId(p.participantStatus), 'Paused');
    await expectText(
      proctorPage.getByTestId(p.participantRow(carla.id)).getByTestId(p.participantStatus),
      'In Session',
    );

    await proctorPage.getByTestId(p.broadcastInput).fill('Those still writing: 10 minutes left.');
    await proctorPage.getByTestId(c.broadcastToStatus).check();
    await proctorPage.getByTestId(c.broadcastStatus).selectOption('in_session');
    await proctorPage.getByTestId(p.broadcastSend).click();
    await expectContains(carlaPage.getByTestId(e.messages), 'Those still writing: 10 minutes left.');
    await expectContains(proctorPage.getByTestId(c.broadcastReceipts).first(), 'delivered 1/1');

    // Then one to everyone: once Chen has it, the filtered one would have arrived before it — it did not.
    await proctorPage.getByTestId(c.broadcastToEveryone).check();
    await proctorPage.getByTestId(p.broadcastInput).fill('Everyone: please stay seated.');
    await proctorPage.getByTestId(p.broadcastSend).click();
    await expectContains(chenPage.getByTestId(e.messages), 'Everyone: please stay seated.');
    const chenBodies = await chenPage.getByTestId(c.examMessageBody).allTextContents();
    expect(chenBodies.some((body) => body.includes('10 minutes left'))).toBe(false);
    await expectContains(carlaPage.getByTestId(e.messages), 'Everyone: please stay seated.');
    await expectContains(proctorPage.getByTestId(c.broadcastReceipts).first(), 'delivered 2/2');
  });

  it('warns a candidate at the minute their own deadline sets, moved when the proctor extends it', async () => {
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Chat: time warning', { durationMinutes: 2, gracePeriodSeconds: 0, timeWarningMinutes: [1] }),
    );
    const carlaApi = await suite.api(carla);
    await carlaApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${session.id}/start`);
    await carlaPage.goto(suite.url(`/exam/${session.id}`));
    await expectVisible(carlaPage.getByTestId(e.answeredCount));
    // Two minutes, warned at one minute left; the extension makes it three, so the warning moves a minute later.
    await proctorApi.call('POST', `/sessions/${session.id}/attempts/${carla.id}/extend`, { minutes: 1 });
    await expectContains(carlaPage.getByTestId(e.messages), '1 minute remaining.', 170_000);
    const shown = await carlaPage.getByTestId(e.remainingTime).textContent();
    const [minutes, seconds] = (shown ?? '').trim().split(':').map(Number);
    const left = (minutes ?? 0) * 60 + (seconds ?? 0);
    // At the extended deadline's minute, not the original one (which would have come with about 2:00 left).
    expect(left).toBeGreaterThan(40);
    expect(left).toBeLessThanOrEqual(62);
  });
});
