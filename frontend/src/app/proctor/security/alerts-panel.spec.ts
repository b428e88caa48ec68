import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { SignalView } from '@invigil/contracts';
import { Events, SignalKind } from '@invigil/contracts';
import type { FakeSocket } from '../../../testing/fake-socket';
import { byTestId, settle } from '../../../testing/dom';
import { AlertsPanel } from './alerts-panel';
import { participant, setUpPanel } from '../../../testing/security-panels';

const signal = (id: string, kind: SignalKind, occurredAt: string): SignalView => ({
  id,
  sessionId: 's1',
  userId: 'u1',
  kind,
  occurredAt,
  receivedAt: occurredAt,
  detail: null,
});

describe('AlertsPanel', () => {
  let fixture: ComponentFixture<AlertsPanel>;
  let http: HttpTestingController;
  let socket: FakeSocket;

  beforeEach(async () => {
    ({ fixture, http, socket } = setUpPanel(AlertsPanel));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('participants', [participant('u1', 'Cam Candidate')]);
    await fixture.whenStable();
    http
      .expectOne('/api/sessions/s1/signals')
      .flush([
        signal('a1', SignalKind.CopyAttempted, '2026-03-01T10:00:01.000Z'),
        signal('a2', SignalKind.FullscreenExited, '2026-03-01T10:00:09.000Z'),
      ]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const items = () =>
    Array.from(byTestId(fixture, 'alerts-list').querySelectorAll('[data-testid="alert-item"]')).map((item) =>
      (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );

  it('lists the session’s alerts newest first, with the candidate’s name and the kind in plain words', () => {
    expect(items()).toHaveLength(2);
    expect(items()[0]).toContain('Cam Candidate');
    expect(items()[0]).toContain('Left full screen');
    expect(items()[1]).toContain('Tried to copy');
  });

  it('adds a pushed alert on top without a reload', async () => {
    socket.serverConnects();
    http.expectOne('/api/sessions/s1/signals').flush([]);
    socket.push(Events.alertRaised, {
      orgId: 'o1',
      sessionId: 's1',
      alertId: 'a3',
      userId: 'u1',
      kind: SignalKind.TabHidden,
      occurredAt: '2026-03-01T10:00:20.000Z',
      detail: null,
    });
    await settle(fixture);
    expect(items()).toHaveLength(3);
    expect(items()[0]).toContain('Switched to another tab or app');
  });
});
