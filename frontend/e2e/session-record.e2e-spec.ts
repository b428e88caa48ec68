import type { IncidentView, MessageView, RecordEntryView, SignalView } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { sel } from './selectors';
import type { ApiClient } from './support/api';
import { demoSessionBody } from './support/api';
import { useE2eSuite } from './support/e2e-suite';
import { expectContains, expectText, expectVisible } from './support/ui-expect';

const proctor = DEMO_USERS[1];
const carla = DEMO_USERS[2];
const chen = DEMO_USERS[3];
const i = sel.incidents;
const r = sel.record;

/** Incidents and the session record, one stack for all three: file, export, verify, tamper, read one's own part. */
describe('incidents and the session record (real Chromium)', () => {
  const suite = useE2eSuite();
  let proctorApi: ApiClient;
  let proctorPage: Page;
  let carlaPage: Page;
  let sessionId: string;
  let alert: SignalView;
  let message: MessageView;

  beforeAll(async () => {
    proctorApi = await suite.api(proctor);
    const carlaApi = await suite.api(carla);
    const chenApi = await suite.api(chen);
    const session = await proctorApi.call<{ id: string; enrollmentCode: string }>(
      'POST',
      '/sessions',
      demoSessionBody('Record: incidents'),
    );
    sessionId = session.id;
    await carlaApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await chenApi.call('POST', '/enrollment/join', { code: session.enrollmentCode });
    await proctorApi.call('POST', `/sessions/${sessionId}/start`);
    carlaPage = await suite.signedInPage(carla);
    await carlaPage.goto(suite.url(`/exam/${sessionId}`));
    await expectVisible(carlaPage.getByTestId(sel.exam.remainingTime), 20_000);
    alert = await carlaApi.call<SignalView>('POST', `/sessions/${sessionId}/signals`, {
      kind: 'tab_hidden',
      occurredAt: new Date().toISOString(),
    });
    message = await proctorApi.call<MessageView>('POST', `/sessions/${sessionId}/messages`, {
      body: 'Carla, please stay in front of the camera',
    });
    proctorPage = await suite.newPage({ acceptDownloads: true });
    await suite.signInAs(proctorPage, proctor);
    await proctorPage.goto(suite.url(`/proctor/sessions/${sessionId}`));
  });

  it('files an incident on a candidate with evidence, and finds it in the exported record', async () => {
    const row = proctorPage.getByTestId(sel.proctor.participantRow(carla.id));
    await row.getByTestId(i.fileOnCandidate).click();
    const dialog = proctorPage.getByTestId(i.dialog);
    await expectContains(dialog, carla.displayName);
    await dialog.getByTestId(i.category).selectOption('examinee');
    await dialog.getByTestId(i.subCategory).selectOption('talking');
    await dialog.getByTestId(i.severity).selectOption('high');
    await dialog.getByTestId(i.description).fill('Talked to someone off screen');
    await dialog.getByTestId(i.action).fill('Warned her over chat');
    await dialog.getByTestId(i.alerts).locator(`input[value="${alert.id}"]`).check();
    await dialog.getByTestId(i.messages).locator(`input[value="${message.id}"]`).check();
    await dialog.getByTestId(i.submit).click();
    await dialog.waitFor({ state: 'detached' });

    const incidentRow = proctorPage.getByTestId(i.row);
    await expectContains(incidentRow.getByTestId(i.classification), 'Examinee: Talking');
    await expectContains(incidentRow.getByTestId(i.evidence), '1 alert, 1 message');
    const [incident] = await proctorApi.call<IncidentView[]>('GET', `/sessions/${sessionId}/incidents`);

    const [download] = await Promise.all([
      proctorPage.waitForEvent('download'),
      proctorPage.getByTestId(r.exportJson).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { entries: RecordEntryView[] };
    const entry = exported.entries.find((item) => item.kind === 'incident_filed');
    expect(entry).toMatchObject({
      seq: incident?.recordSeq,
      userId: carla.id,
      actor: { type: 'staff', userId: proctor.id, role: 'proctor' },
      detail: {
        category: 'examinee',
        subCategory: 'talking',
        severity: 'high',
        description: 'Talked to someone off screen',
        actionTaken: 'Warned her over chat',
        evidence: { alertIds: [alert.id], snapshotIds: [], messageIds: [message.id] },
      },
    });
  });

  it('documents the affected users and their progress on a session-level incident', async () => {
    await proctorPage.getByTestId(i.aboutSelect).selectOption('');
    await proctorPage.getByTestId(i.file).click();
    const dialog = proctorPage.getByTestId(i.dialog);
    await expectContains(dialog, 'the whole session');
    await dialog.getByTestId(i.category).selectOption('technical');
    await dialog.getByTestId(i.subCategory).selectOption('platform_error');
    await dialog.getByTestId(i.description).fill('The exam page froze for everyone');
    await dialog.getByTestId(i.documentAffected).check();
    await dialog.getByTestId(i.submit).click();
    await dialog.waitFor({ state: 'detached' });
    const sessionIncident = proctorPage.getByTestId(i.row).nth(1);
    await expectContains(sessionIncident.getByTestId(i.classification), 'Technical: Platform error');
    await expectContains(sessionIncident, '2 affected users');
    const incidents = await proctorApi.call<IncidentView[]>('GET', `/sessions/${sessionId}/incidents`);
    expect(incidents[1]?.affectedUsers?.map((user) => user.displayName).sort()).toEqual(
      [carla.displayName, chen.displayName].sort(),
    );
  });

  it('verifies the hash chain in the UI, then reports it broken after a row is altered in PostgreSQL', async () => {
    const verification = proctorPage.getByTestId(r.verification);
    await proctorPage.getByTestId(r.verify).click();
    await expectContains(verification, 'Intact');

    const db = new Client({ connectionString: suite.stack.settings.databaseUrl });
    await db.connect();
    try {
      const schema = suite.stack.schemaOf('monitoring');
      const changed = await db.query(
        `update "${schema}".record_entry
            set detail = jsonb_set(detail, '{description}', '"Nothing happened"')
          where session_id = $1 and kind = 'incident_filed' and user_id = $2 returning seq`,
        [sessionId, carla.id],
      );
      expect(changed.rowCount).toBe(1);
      const seq = (changed.rows[0] as { seq: number }).seq;
      await proctorPage.getByTestId(r.verify).click();
      await expectContains(verification, `Broken at entry ${seq}`);
      expect(await verification.getAttribute('data-intact')).toBe('false');
    } finally {
      await db.end();
    }
  });

  it("lets a candidate read their own part of the record and nobody else's", async () => {
    await carlaPage.goto(suite.url('/exam'));
    await carlaPage.getByTestId(r.mineLink).first().click();
    const rows = carlaPage.getByTestId(r.mineRow);
    await expectVisible(rows);
    await expectContains(carlaPage.getByTestId(r.mine), 'Incident filed');
    const about = await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-user-id')));
    expect(about).toContain(carla.id);
    expect(about.every((userId) => userId === carla.id || userId === null)).toBe(true);
    const text = (await carlaPage.getByTestId(r.mine).textContent()) ?? '';
    expect(text).not.toContain(chen.displayName);
    expect(text).not.toContain(chen.id);

    // Chen's own part has his join, and neither Carla's entries nor the incident about her.
    const chenPage = await suite.signedInPage(chen);
    await chenPage.goto(suite.url(`/exam/${sessionId}/record`));
    await expectVisible(chenPage.getByTestId(r.mineRow));
    await expectText(chenPage.getByTestId(r.mineRow).first(), /.+/);
    const chenAbout = await chenPage
      .getByTestId(r.mineRow)
      .evaluateAll((elements) => elements.map((row) => row.getAttribute('data-user-id')));
    expect(chenAbout).toContain(chen.id);
    expect(chenAbout).not.toContain(carla.id);
    expect((await chenPage.getByTestId(r.mine).textContent()) ?? '').not.toContain('Incident filed');
    await chenPage.close();
  });
});
