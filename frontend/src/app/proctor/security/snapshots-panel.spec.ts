import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { SnapshotView } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import type { FakeSocket } from '../../../testing/fake-socket';
import { byTestId, queryTestId, settle, textOf } from '../../../testing/dom';
import { allSecurity, participant, setUpPanel } from '../../../testing/security-panels';
import { SnapshotsPanel } from './snapshots-panel';

const snapshot = (id: string, userId: string, capturedAt: string): SnapshotView => ({
  id,
  sessionId: 's1',
  userId,
  capturedAt,
  receivedAt: capturedAt,
  bytes: 2_000,
});

describe('SnapshotsPanel', () => {
  let fixture: ComponentFixture<SnapshotsPanel>;
  let http: HttpTestingController;
  let socket: FakeSocket;
  let revoked: string[];

  beforeEach(async () => {
    ({ fixture, http, socket, revoked } = setUpPanel(SnapshotsPanel));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('participants', [participant('u1', 'Cam Candidate')]);
  });

  afterEach(() => http.verify());

  it('is not shown for a session without screen monitoring', async () => {
    fixture.componentRef.setInput('security', { ...allSecurity, screenMonitoring: false });
    await settle(fixture);
    expect(queryTestId(fixture, 'snapshots-panel')).toBeNull();
  });

  it('shows each candidate’s latest snapshot and replaces it when a new one is stored', async () => {
    fixture.componentRef.setInput('security', allSecurity);
    await settle(fixture);
    http
      .expectOne('/api/sessions/s1/snapshots')
      .flush([snapshot('old', 'u1', '2026-03-01T10:00:00.000Z'), snapshot('new', 'u1', '2026-03-01T10:00:15.000Z')]);
    await settle(fixture);
    http.expectOne('/api/sessions/s1/snapshots/new/image').flush(new Blob(['jpeg']));
    await settle(fixture);
    expect(byTestId<HTMLImageElement>(fixture, 'snapshot-image').src).toBe('blob:test/1');
    expect(textOf(fixture, 'snapshot-u1')).toContain('Cam Candidate');

    socket.serverConnects();
    http.expectOne('/api/sessions/s1/snapshots').flush([]);
    socket.push(Events.snapshotStored, {
      orgId: 'o1',
      sessionId: 's1',
      snapshotId: 'newer',
      userId: 'u1',
      capturedAt: '2026-03-01T10:00:30.000Z',
    });
    await settle(fixture);
    http.expectOne('/api/sessions/s1/snapshots/newer/image').flush(new Blob(['jpeg']));
    await settle(fixture);
    expect(byTestId<HTMLImageElement>(fixture, 'snapshot-image').src).toBe('blob:test/2');
    expect(revoked).toEqual(['blob:test/1']);
  });
});
