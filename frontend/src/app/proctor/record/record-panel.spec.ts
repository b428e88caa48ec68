import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { RecordEntryView, RecordPage } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';
import { byTestId, chooseOption, settle, textOf } from '../../../testing/dom';
import { participant, setUpPanel } from '../../../testing/security-panels';
import { RECORD_PAGE_SIZE, RecordPanel } from './record-panel';

const entry = (seq: number, kind: RecordKind, userId: string | null): RecordEntryView => ({
  sessionId: 's1',
  seq,
  at: '2026-03-01T10:00:00.000Z',
  kind,
  userId,
  actor: { type: 'staff', userId: 'p1', role: null },
  detail: { minutes: 5 },
  prevHash: '0',
  hash: `h${seq}`,
});

const pageOf = (entries: RecordEntryView[], nextCursor: number | null, total = 60): RecordPage => ({
  entries,
  nextCursor,
  total,
});

describe('RecordPanel', () => {
  let fixture: ComponentFixture<RecordPanel>;
  let http: HttpTestingController;
  const recordRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/sessions/s1/record');

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(RecordPanel));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('participants', [participant('u1', 'Cam Candidate'), participant('p1', 'Pat')]);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/users')
      .flush({
        items: [{ id: 'p9', email: 'ada@example.com', displayName: 'Ada Admin', role: 'admin', timeZone: 'UTC' }],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    const first = recordRequest();
    expect(first.request.params.get('limit')).toBe(String(RECORD_PAGE_SIZE));
    expect(first.request.params.has('afterSeq')).toBe(false);
    const byTheAdmin = {
      ...entry(2, RecordKind.SessionPaused, null),
      actor: { type: 'staff', userId: 'p9', role: null },
    };
    first.flush(pageOf([entry(1, RecordKind.AttemptExtended, 'u1'), byTheAdmin as RecordEntryView], 50));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows each entry with the candidate and the actor by name', () => {
    const row = byTestId(fixture, 'record-row').textContent ?? '';
    expect(row).toContain('Time extended');
    expect(row).toContain('Cam Candidate');
    expect(textOf(fixture, 'record-actor')).toBe('Staff: Pat');
    expect(byTestId(fixture, 'record-row').textContent).toContain('2026-03-01');
  });

  it('names a staff member who is not on the roster, with their role in the organization', () => {
    const actors = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="record-actor"]')];
    expect(actors.map((cell) => cell.textContent?.trim())).toEqual(['Staff: Pat', 'Admin: Ada Admin']);
    expect(textOf(fixture, 'record-page')).toContain('60 entries');
  });

  it('asks for the next page after the cursor and back again, and restarts paging on a filter', async () => {
    byTestId<HTMLButtonElement>(fixture, 'record-next').click();
    const next = recordRequest();
    expect(next.request.params.get('afterSeq')).toBe('50');
    next.flush(pageOf([entry(51, RecordKind.MessageSent, null)], null));
    await settle(fixture);
    expect(byTestId<HTMLButtonElement>(fixture, 'record-next').disabled).toBe(true);
    byTestId<HTMLButtonElement>(fixture, 'record-previous').click();
    const back = recordRequest();
    expect(back.request.params.has('afterSeq')).toBe(false);
    back.flush(pageOf([entry(1, RecordKind.AttemptExtended, 'u1')], 50));
    await settle(fixture);

    chooseOption(fixture, 'record-filter-kind', RecordKind.AttemptSubmitted);
    const filtered = recordRequest();
    expect(filtered.request.params.get('kind')).toBe(RecordKind.AttemptSubmitted);
    filtered.flush(pageOf([], null, 0));
    await settle(fixture);
    expect(textOf(fixture, 'record-page')).toContain('Page 1');
  });

  it('shows a broken chain with the entry that failed', async () => {
    byTestId<HTMLButtonElement>(fixture, 'record-verify').click();
    http.expectOne('/api/sessions/s1/record/verify').flush({
      sessionId: 's1',
      intact: false,
      entryCount: 3,
      brokenAt: { seq: 2, expectedHash: 'a'.repeat(64), storedHash: 'b'.repeat(64), reason: 'its content changed' },
    });
    await settle(fixture);
    expect(textOf(fixture, 'record-verification')).toContain('Broken at entry 2');
    expect(byTestId(fixture, 'record-verification').getAttribute('data-intact')).toBe('false');
  });
});
