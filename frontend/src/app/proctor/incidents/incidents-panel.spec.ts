import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { IncidentView } from '@invigil/contracts';
import { IncidentCategory, IncidentSeverity, SignalKind } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { participant, setUpPanel } from '../../../testing/security-panels';
import { IncidentsPanel } from './incidents-panel';

const filed: IncidentView = {
  id: 'i1',
  sessionId: 's1',
  userId: 'u1',
  category: IncidentCategory.Examinee,
  subCategory: 'talking',
  severity: IncidentSeverity.High,
  description: 'Talked to someone',
  actionTaken: null,
  evidence: { alertIds: ['a1'], snapshotIds: [], messageIds: ['m1'] },
  affectedUsers: null,
  actor: { type: 'staff', userId: 'p1', role: 'proctor' },
  filedAt: '2026-03-01T10:00:00.000Z',
  recordSeq: 7,
};

describe('IncidentsPanel', () => {
  let fixture: ComponentFixture<IncidentsPanel>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(IncidentsPanel));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('participants', [participant('u1', 'Cam Candidate'), participant('p1', 'Pat')]);
    await fixture.whenStable();
    http.expectOne('/api/sessions/s1/incidents').flush([]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  async function openAbout(userId: string): Promise<void> {
    chooseOption(fixture, 'incident-about-select', userId);
    byTestId(fixture, 'incident-file').click();
    await settle(fixture);
    http.expectOne('/api/sessions/s1/signals').flush([
      { id: 'a1', sessionId: 's1', userId: 'u1', kind: SignalKind.TabHidden, occurredAt: filed.filedAt },
      { id: 'a2', sessionId: 's1', userId: 'u2', kind: SignalKind.TabHidden, occurredAt: filed.filedAt },
    ]);
    http.expectOne('/api/sessions/s1/snapshots').flush([]);
    http.expectOne('/api/sessions/s1/messages').flush([
      {
        id: 'm1',
        sessionId: 's1',
        kind: 'broadcast',
        senderName: 'Pat',
        body: '<b>Stop talking</b>',
        sentAt: filed.filedAt,
      },
    ]);
    await settle(fixture);
  }

  it("files an incident on a candidate with the evidence chosen from the session's alerts and messages", async () => {
    await openAbout('u1');
    expect(textOf(fixture, 'incident-dialog')).toContain('File incident: Cam Candidate');
    // Only this candidate's alerts are offered; message bodies show as text.
    const alerts = byTestId(fixture, 'incident-evidence-alerts').querySelectorAll('input');
    expect(alerts).toHaveLength(1);
    expect(textOf(fixture, 'incident-evidence-messages')).toContain('<b>Stop talking</b>');
    expect(queryTestId(fixture, 'incident-document-affected')).toBeNull();
    expect(byTestId<HTMLButtonElement>(fixture, 'incident-submit').disabled).toBe(true);

    chooseOption(fixture, 'incident-category', IncidentCategory.Examinee);
    await settle(fixture);
    chooseOption(fixture, 'incident-subcategory', 'talking');
    chooseOption(fixture, 'incident-severity', IncidentSeverity.High);
    typeInto(fixture, 'incident-description', 'Talked to someone');
    alerts[0]?.click();
    byTestId(fixture, 'incident-evidence-messages').querySelector('input')?.click();
    await settle(fixture);
    byTestId(fixture, 'incident-submit').click();
    const request = http.expectOne('/api/sessions/s1/incidents');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      userId: 'u1',
      category: 'examinee',
      subCategory: 'talking',
      severity: 'high',
      description: 'Talked to someone',
      alertIds: ['a1'],
      snapshotIds: [],
      messageIds: ['m1'],
    });
    request.flush(filed);
    await settle(fixture);
    http.expectOne('/api/sessions/s1/incidents').flush([filed]);
    await settle(fixture);
    expect(queryTestId(fixture, 'incident-dialog')).toBeNull();
    expect(textOf(fixture, 'incident-row')).toContain('Examinee: Talking');
    expect(textOf(fixture, 'incident-evidence')).toContain('1 alert, 1 message');
  });

  it('offers "document affected users" on the session, and shows the refusal inside the dialog', async () => {
    await openAbout('');
    byTestId(fixture, 'incident-document-affected').click();
    typeInto(fixture, 'incident-description', 'Power cut');
    await settle(fixture);
    byTestId(fixture, 'incident-submit').click();
    const request = http.expectOne('/api/sessions/s1/incidents');
    expect(request.request.body).toMatchObject({ documentAffectedUsers: true });
    expect(request.request.body.userId).toBeUndefined();
    request.flush(
      { statusCode: 400, message: 'Some evidence is not from this session.', details: ['alertIds: x'] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'incident-error')).toContain('Some evidence is not from this session.');
    expect(queryTestId(fixture, 'incident-dialog')).not.toBeNull();
  });
});
