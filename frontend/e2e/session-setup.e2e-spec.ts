import { DEMO_USERS } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const p = sel.proctor;

/** UTC wall-clock time `ms` from now, with seconds, as a datetime-local input takes it. */
const utcLocalIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

describe('session setup: every option through the UI; a scheduled start that survives a restart', () => {
  const suite = useE2eSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage(proctor);
    // An assessment of our own to pick in the form.
    await page.getByTestId(p.assessmentTitle).fill('Setup Assessment');
    await page.getByTestId(p.assessmentPassing).fill('50');
    await page.getByTestId(p.questionPrompt(0)).fill('What is 2 + 2?');
    await page.getByTestId(p.questionOption(0, 0)).fill('3');
    await page.getByTestId(p.questionOption(0, 1)).fill('4');
    await page.getByTestId(p.questionCorrect(0)).selectOption('1');
    await page.getByTestId(p.createAssessment).click();
    await expectContains(page.getByTestId(p.assessmentCreated), 'Setup Assessment');
  });

  async function newSessionForm(name: string): Promise<void> {
    await page.goto(suite.url('/proctor'));
    await page.getByTestId(p.sessionName).fill(name);
    await page.getByTestId(p.sessionAssessment).selectOption({ label: 'Setup Assessment' });
  }

  it('creates a scheduled session with every option and shows each setting', async () => {
    await newSessionForm('Scheduled final');
    await page.getByTestId(p.sessionDuration).fill('90');
    await page.getByTestId(p.sessionCode).fill('final7');
    await page.getByTestId(p.sessionStartMode).selectOption('scheduled');
    await page.getByTestId(p.sessionScheduledTime).fill('2030-07-01T09:30');
    await page.getByTestId(p.sessionTimeZone).selectOption('Europe/Berlin');
    await page.getByTestId(p.sessionEnrollmentMode).selectOption('hybrid');
    await page.getByTestId(p.sessionMaxUsers).fill('25');
    await page.getByTestId(p.sessionLateEntry).check();
    await page.getByTestId(p.sessionLateEntryMinutes).fill('15');
    await page.getByTestId(p.sessionTimeLimitMode).selectOption('individual');
    await page.getByTestId(p.sessionGraceSeconds).fill('30');
    await page.getByTestId(p.sessionBrowserLockdown).check();
    await page.getByTestId(p.sessionScreenMonitoring).check();
    await page.getByTestId(p.sessionIdentityVerification).check();
    await page.getByTestId(p.createSession).click();

    await expectText(page.getByTestId(p.enrollmentCode), 'FINAL7');
    await expectText(page.getByTestId(p.sessionStatus), 'Scheduled');
    await expectContains(page.getByTestId(p.settingStart), 'Scheduled');
    await expectContains(page.getByTestId(p.settingStart), 'Europe/Berlin');
    await expectText(page.getByTestId(p.settingTimeZone), 'Europe/Berlin');
    await expectContains(page.getByTestId(p.settingEnrollmentMode), 'Hybrid');
    await expectText(page.getByTestId(p.settingMaxUsers), '25');
    await expectText(page.getByTestId(p.settingLateEntry), 'Up to 15 minutes after the start');
    await expectText(page.getByTestId(p.settingTimeLimit), 'Individual limits, 30 s grace');
    await expectText(page.getByTestId(p.settingSecurity), 'Browser lockdown, Screen monitoring, Identity verification');
  });

  it('creates a flexible session with every option that applies to it', async () => {
    await newSessionForm('Flexible quiz');
    await page.getByTestId(p.sessionDuration).fill('20');
    await page.getByTestId(p.sessionEnrollmentMode).selectOption('manual');
    await page.getByTestId(p.sessionMaxUsers).fill('3');
    await page.getByTestId(p.sessionScreenMonitoring).check();
    await page.getByTestId(p.createSession).click();
    await expectText(page.getByTestId(p.sessionStatus), 'Open');
    await expectText(page.getByTestId(p.settingStart), 'Flexible (the proctor starts it)');
    await expectContains(page.getByTestId(p.settingEnrollmentMode), 'Manual');
    await expectText(page.getByTestId(p.settingMaxUsers), '3');
    await expectText(page.getByTestId(p.settingTimeLimit), 'Session-wide, 20 minutes');
    await expectText(page.getByTestId(p.settingSecurity), 'Screen monitoring');
  });

  it('lists both under Upcoming and finds one by search', async () => {
    await page.goto(suite.url('/proctor'));
    await expectContains(page.getByTestId(p.sessionsTab('upcoming')), '(2)');
    await page.getByTestId(p.sessionsTab('upcoming')).click();
    const rows = page.locator('[data-testid^="session-row-"]');
    await expectContains(rows.filter({ hasText: 'Scheduled final' }), 'FINAL7');
    await expectContains(rows.filter({ hasText: 'Flexible quiz' }), 'Open');
    await page.getByTestId(p.sessionsSearch).fill('final');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await page.getByTestId(p.sessionsTab('past')).click();
    await expectContains(page.locator('app-sessions-list'), 'No sessions here.');
  });

  it('shows a refusal next to the field it concerns', async () => {
    await newSessionForm('Too late');
    await page.getByTestId(p.sessionStartMode).selectOption('scheduled');
    await page.getByTestId(p.sessionScheduledTime).fill('2020-01-01T09:00');
    await page.getByTestId(p.sessionTimeZone).selectOption('UTC');
    await page.getByTestId(p.createSession).click();
    await expectContains(page.getByTestId(p.sessionFieldError('scheduledLocalTime')), 'is in the past');
  });

  it('starts a scheduled session by itself although the sessions service restarted in between, live on the page', async () => {
    await newSessionForm('Starts by itself');
    await page.getByTestId(p.sessionStartMode).selectOption('scheduled');
    await page.getByTestId(p.sessionTimeZone).selectOption('UTC');
    await page.getByTestId(p.sessionScheduledTime).fill(utcLocalIn(20_000));
    await page.getByTestId(p.createSession).click();
    await expectText(page.getByTestId(p.sessionStatus), 'Scheduled');
    await expectVisible(page.getByTestId(p.settingStart));

    await suite.stack.restartService('sessions');

    // No reload: the sessionStarted event reaches the page over the socket.
    await expectText(page.getByTestId(p.sessionStatus), 'In Progress', 60_000);
    expect(await page.getByTestId(p.pauseSession).isEnabled()).toBe(true);
  });
});
