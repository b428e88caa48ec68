import { DEMO_ASSESSMENT_ID, DEMO_USERS } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { DemoUser } from './support/e2e-suite';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const [, , carla, chen, cyrus] = DEMO_USERS;
const p = sel.proctor;
const e = sel.exam;
const s = sel.security;

/** Fake camera and screen: getUserMedia gets a test pattern, getDisplayMedia the entire screen without a picker. */
const FAKE_MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
];

type SecurityChoice = 'lockdown' | 'screen' | 'identity';

describe('security options: lockdown alerts, identity verification, screen snapshots', () => {
  const suite = useE2eSuite({ browserArgs: FAKE_MEDIA_FLAGS });
  let proctorPage: Page;

  beforeAll(async () => {
    proctorPage = await suite.signedInPage(proctor);
  });

  /** Creates a flexible session with the chosen options; returns its enrollment code (the proctor stays on its page). */
  async function createSession(name: string, options: SecurityChoice[], snapshotSeconds?: number): Promise<string> {
    await proctorPage.goto(suite.url('/proctor'));
    await proctorPage.getByTestId(p.sessionName).fill(name);
    await proctorPage.getByTestId(p.sessionAssessment).selectOption(DEMO_ASSESSMENT_ID);
    if (options.includes('lockdown')) await proctorPage.getByTestId(p.sessionBrowserLockdown).check();
    if (options.includes('screen')) await proctorPage.getByTestId(p.sessionScreenMonitoring).check();
    if (options.includes('identity')) await proctorPage.getByTestId(p.sessionIdentityVerification).check();
    if (snapshotSeconds !== undefined)
      await proctorPage.getByTestId(p.sessionSnapshotInterval).fill(String(snapshotSeconds));
    await proctorPage.getByTestId(p.createSession).click();
    return expectText(proctorPage.getByTestId(p.enrollmentCode), /^[A-Z0-9]{4,12}$/);
  }

  async function candidateJoins(user: DemoUser, code: string): Promise<Page> {
    const page = await suite.signedInPage(user);
    await page.getByTestId(e.codeInput).fill(code);
    await page.getByTestId(e.joinSubmit).click();
    await expectVisible(page.getByTestId(e.waitingRoom));
    await expectText(proctorPage.getByTestId(p.participantRow(user.id)).getByTestId(p.participantStatus), 'Waiting');
    return page;
  }

  async function startSession(): Promise<void> {
    await proctorPage.getByTestId(p.startSession).click();
    await expectContains(proctorPage.getByTestId(p.sessionStatus), /in progress/i);
  }

  it('lockdown: the exam opens only in fullscreen, and leaving the exam tab reaches the proctor as an alert', async () => {
    const code = await createSession('Lockdown quiz', ['lockdown']);
    const candidate = await candidateJoins(carla, code);
    await startSession();

    await expectVisible(candidate.getByTestId(s.enterFullscreen));
    expect(await candidate.getByTestId(e.question(0)).count()).toBe(0);
    await candidate.getByTestId(s.enterFullscreen).click();
    await expectVisible(candidate.getByTestId(e.question(0)));

    // Headless Chromium keeps every tab "visible" and focused (Playwright emulates focus): with the
    // emulation off, bringing another tab to the front takes the focus from the exam (a real blur
    // event), although visibilitychange still does not fire there.
    const cdp = await candidate.context().newCDPSession(candidate);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await candidate.bringToFront();
    const otherTab = await candidate.context().newPage();
    await otherTab.goto('about:blank');
    await otherTab.bringToFront();

    const alert = proctorPage.getByTestId(s.alertsList).getByTestId(s.alertItem).filter({ hasText: carla.displayName });
    await expectContains(alert, /Left the exam window|Switched to another tab/);
    await otherTab.close();
  });

  it('identity verification: no questions until the proctor approves; a rejection shows its reason', async () => {
    const code = await createSession('Verified final', ['identity']);
    const candidate = await candidateJoins(chen, code);

    // The photos are taken in the waiting room, from the (fake) webcam.
    await expectVisible(candidate.getByTestId(s.identityStep));
    await takeIdentityPhotos(candidate);
    await expectContains(candidate.getByTestId(s.identityWaiting), 'Waiting for your proctor');

    const check = proctorPage.getByTestId(s.identityCheck(chen.id));
    await expectText(check.getByTestId(s.identityStatus), 'Waiting for your decision');
    await expectVisible(check.getByTestId(s.identityFaceImage));
    await expectVisible(check.getByTestId(s.identityIdImage));
    await check.getByTestId(s.rejectIdentity).click();
    await check.getByTestId(s.rejectReason).fill('Your ID is not readable; hold it closer to the camera');
    await check.getByTestId(s.confirmReject).click();
    await expectContains(candidate.getByTestId(s.identityRejected), 'Your ID is not readable');

    // The session starts; the candidate still sees no question while the new photos wait for a decision.
    await startSession();
    await takeIdentityPhotos(candidate);
    await expectVisible(candidate.getByTestId(s.identityWaiting));
    await expectText(check.getByTestId(s.identityStatus), 'Waiting for your decision');
    expect(await candidate.getByTestId(e.question(0)).count()).toBe(0);

    await check.getByTestId(s.approveIdentity).click();
    await expectText(check.getByTestId(s.identityStatus), 'Approved');
    await expectVisible(candidate.getByTestId(e.question(0)), 20_000);
  });

  it('screen monitoring: the candidate shares the entire screen and the proctor sees the snapshots', async () => {
    const code = await createSession('Monitored quiz', ['screen'], 5);
    const candidate = await candidateJoins(cyrus, code);
    await startSession();

    await expectVisible(candidate.getByTestId(s.shareScreen));
    expect(await candidate.getByTestId(e.question(0)).count()).toBe(0);
    await candidate.getByTestId(s.shareScreen).click();
    await expectVisible(candidate.getByTestId(e.question(0)));

    const tile = proctorPage.getByTestId(s.snapshotOf(cyrus.id));
    await expectContains(tile, cyrus.displayName);
    const image = tile.getByTestId(s.snapshotImage);
    await expectVisible(image);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    // A real picture was decoded, not an empty or broken image.
    await proctorPage.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
    // The next one replaces it (every 5 s in this session).
    const firstTime = await tile.getByTestId(s.snapshotTime).getAttribute('datetime');
    await proctorPage.waitForFunction(
      ([element, before]) => element?.getAttribute('datetime') !== before,
      [await tile.getByTestId(s.snapshotTime).elementHandle(), firstTime] as const,
      { timeout: 20_000 },
    );
  });
});

async function takeIdentityPhotos(candidate: Page): Promise<void> {
  const face = candidate.getByTestId(s.captureFace);
  await face.waitFor({ state: 'visible' });
  // The capture buttons are enabled once the camera runs.
  await candidate.waitForFunction((button) => !(button as HTMLButtonElement).disabled, await face.elementHandle());
  await face.click();
  await candidate.getByTestId(s.captureId).click();
  await candidate.getByTestId(s.submitIdentity).click();
}
