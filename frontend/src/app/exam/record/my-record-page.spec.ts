import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { RecordKind } from '@invigil/contracts';
import { settle } from '../../../testing/dom';
import { setUpPanel } from '../../../testing/security-panels';
import { candidateActorLabel, MY_RECORD_PAGE_SIZE, MyRecordPage } from './my-record-page';

describe('MyRecordPage', () => {
  let fixture: ComponentFixture<MyRecordPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(MyRecordPage));
    fixture.componentRef.setInput('sessionId', 's1');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it("reads the candidate's own part and names staff by role only", async () => {
    const request = http.expectOne((r) => r.url === '/api/sessions/s1/record/mine');
    expect(request.request.params.get('limit')).toBe(String(MY_RECORD_PAGE_SIZE));
    request.flush({
      entries: [
        {
          sessionId: 's1',
          seq: 3,
          at: '2026-03-01T10:00:00.000Z',
          kind: RecordKind.AttemptExtended,
          userId: 'me',
          actor: { type: 'staff', userId: 'p1', role: 'proctor' },
          detail: { minutes: 5 },
          prevHash: 'a',
          hash: 'b',
        },
      ],
      nextCursor: null,
      total: 1,
    });
    await settle(fixture);
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="my-record-row"]')?.textContent;
    expect(row).toContain('Time extended');
    expect(row).toContain('You');
    expect(row).toContain('Proctor');
    expect(row).not.toContain('p1');
  });

  it('labels actors for a candidate', () => {
    http.expectOne((r) => r.url === '/api/sessions/s1/record/mine').flush({ entries: [], nextCursor: null, total: 0 });
    expect(candidateActorLabel({ type: 'candidate', userId: 'me', role: 'candidate' })).toBe('You');
    expect(candidateActorLabel({ type: 'staff', userId: null, role: null })).toBe('Staff');
    expect(candidateActorLabel({ type: 'deadline', userId: null, role: 'system' })).toBe('Deadline');
  });
});
