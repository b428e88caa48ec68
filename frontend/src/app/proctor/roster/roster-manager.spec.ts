import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportPreview, ParticipantView } from '@invigil/contracts';
import { ParticipantStatus, Role } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { RosterManager } from './roster-manager';

function participant(overrides: Partial<ParticipantView>): ParticipantView {
  return {
    id: 'p1',
    orgId: 'o1',
    sessionId: 's1',
    userId: 'u1',
    displayName: 'Cam Candidate',
    email: 'cam@example.com',
    status: ParticipantStatus.Invited,
    joinedAt: null,
    updatedAt: '2026-11-26T10:00:00.000Z',
    timeLimitMinutes: null,
    timeLimitMultiplier: 1.5,
    invitedAt: '2026-11-26T10:00:00.000Z',
    invitationSentAt: null,
    ...overrides,
  };
}

describe('RosterManager', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RosterManager>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [RosterManager],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RosterManager);
    fixture.componentRef.setInput('id', 's1');
    await fixture.whenStable();
    http.expectOne('/api/sessions/s1/participants').flush([
      participant({}),
      participant({
        id: 'p2',
        userId: 'u2',
        displayName: 'Dee',
        status: ParticipantStatus.InSession,
        timeLimitMultiplier: null,
        invitedAt: null,
      }),
    ]);
    await settle(fixture);
    http
      .expectOne('/api/sessions/s1')
      .flush({ id: 's1', name: 'Morning exam', durationMinutes: 45, timeLimitMode: 'individual' });
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows status chips, individual limits and invitation state; only Invited/Waiting can be removed', () => {
    const row = byTestId(fixture, 'roster-row-u1');
    expect(row.querySelector('[data-testid="roster-status"]')?.textContent?.trim()).toBe('Invited');
    expect(row.querySelector('[data-testid="roster-limit"]')?.textContent?.trim()).toBe('1.5× (1 h 7 min 30 s)');
    expect(row.querySelector('[data-testid="roster-invitation"]')?.textContent).toContain(
      'Added, no email (code handed out)',
    );
    expect(queryTestId(fixture, 'roster-remove-u1')).not.toBeNull();
    expect(queryTestId(fixture, 'roster-remove-u2')).toBeNull();
    expect(
      byTestId(fixture, 'roster-row-u2').querySelector('[data-testid="roster-invitation"]')?.textContent?.trim(),
    ).toBe('Joined with the code');
    expect(textOf(fixture, 'roster-resend-u1')).toBe('Email invitation');
    expect(queryTestId(fixture, 'roster-resend-u2')).toBeNull();
  });

  it("changes a participant's limit from the table and shows a refusal next to it", async () => {
    byTestId(fixture, 'roster-limit-edit-u1').click();
    await settle(fixture);
    expect(byTestId<HTMLSelectElement>(fixture, 'roster-limit-kind-u1').value).toBe('multiplier');
    chooseOption(fixture, 'roster-limit-kind-u1', 'minutes');
    await settle(fixture);
    typeInto(fixture, 'roster-limit-value-u1', '2000');
    await settle(fixture);
    byTestId(fixture, 'roster-limit-save-u1').click();
    const refused = http.expectOne({ method: 'PUT', url: '/api/sessions/s1/participants/p1/time-limit' });
    expect(refused.request.body).toEqual({ timeLimitMinutes: 2000, timeLimitMultiplier: null });
    refused.flush(
      { message: 'Validation failed', details: ['timeLimitMinutes must be at most 1440 (24 hours)'] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'roster-limit-error-u1')).toContain('at most 1440');

    typeInto(fixture, 'roster-limit-value-u1', '90');
    await settle(fixture);
    byTestId(fixture, 'roster-limit-save-u1').click();
    http
      .expectOne('/api/sessions/s1/participants/p1/time-limit')
      .flush(participant({ timeLimitMinutes: 90, timeLimitMultiplier: null }));
    await settle(fixture);
    http
      .expectOne('/api/sessions/s1/participants')
      .flush([participant({ timeLimitMinutes: 90, timeLimitMultiplier: null })]);
    await settle(fixture);
    expect(textOf(fixture, 'roster-limit')).toBe('1 h 30 min');
    expect(queryTestId(fixture, 'roster-limit-save-u1')).toBeNull();
  });

  it('adds searched users with a multiplier and an invitation', async () => {
    byTestId(fixture, 'roster-add-open').click();
    await settle(fixture);
    http
      .expectOne((r) => r.url === '/api/users')
      .flush({
        items: [{ id: 'u9', email: 'nia@example.com', displayName: 'Nia', role: Role.Candidate, timeZone: 'UTC' }],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    await settle(fixture);
    byTestId<HTMLInputElement>(fixture, 'add-users-pick-u9').click();
    await settle(fixture);
    chooseOption(fixture, 'add-users-limit-kind-u9', 'multiplier');
    await settle(fixture);
    typeInto(fixture, 'add-users-limit-value-u9', '1.25');
    await settle(fixture);
    byTestId(fixture, 'add-users-submit').click();
    await settle(fixture);
    const request = http.expectOne('/api/sessions/s1/participants');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      entries: [{ userId: 'u9', timeLimitMultiplier: 1.25 }],
      sendInvitation: true,
    });
    request.flush([participant({ id: 'p9', userId: 'u9' })]);
    await settle(fixture);
    http
      .expectOne('/api/sessions/s1/participants')
      .flush([participant({}), participant({ id: 'p9', userId: 'u9', displayName: 'Nia' })]);
    await settle(fixture);
    expect(queryTestId(fixture, 'add-users-dialog')).toBeNull();
    expect(queryTestId(fixture, 'roster-row-u9')).not.toBeNull();
  });

  it('imports: upload shows the row-by-row report, confirm commits the upload', async () => {
    byTestId(fixture, 'roster-import-open').click();
    await settle(fixture);
    const input = byTestId<HTMLInputElement>(fixture, 'import-file');
    const file = new File(['email\na@example.com\nbad\n'], 'people.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
    const preview: ImportPreview = {
      uploadKey: 'invigil:import:11111111-1111-4111-8111-111111111111',
      uploadId: '11111111-1111-4111-8111-111111111111',
      fileName: 'people.csv',
      totalRows: 2,
      validRows: 1,
      newAccounts: 1,
      issues: [{ row: 3, column: 'email', reason: 'bad email "bad"' }],
      sample: [],
    };
    http.expectOne('/api/sessions/s1/import').flush(preview);
    await settle(fixture);
    expect(textOf(fixture, 'import-summary')).toBe('2 rows: 1 will be added (1 new accounts), 1 skipped.');
    expect(textOf(fixture, 'import-issues')).toContain('3emailbad email "bad"');
    byTestId(fixture, 'import-confirm').click();
    await settle(fixture);
    const commit = http.expectOne(`/api/sessions/s1/import/${preview.uploadId}/commit`);
    expect(commit.request.body).toEqual({ sendInvitation: true });
    commit.flush({ added: 1, createdAccounts: 1, skipped: 1, issues: [] });
    await settle(fixture);
    http.expectOne('/api/sessions/s1/participants').flush([participant({})]);
    await settle(fixture);
    expect(textOf(fixture, 'import-result')).toBe('Added 1 (1 new accounts); skipped 1.');
  });
  it('closes the Add Users dialog on Cancel and the Import wizard on Close, without a request', async () => {
    byTestId(fixture, 'roster-add-open').click();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/users').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle(fixture);
    const cancel = [...byTestId(fixture, 'add-users-dialog').querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Cancel',
    );
    cancel?.click();
    await settle(fixture);
    expect(queryTestId(fixture, 'add-users-dialog')).toBeNull();

    byTestId(fixture, 'roster-import-open').click();
    await settle(fixture);
    expect(queryTestId(fixture, 'import-wizard')).not.toBeNull();
    byTestId(fixture, 'import-close').click();
    await settle(fixture);
    expect(queryTestId(fixture, 'import-wizard')).toBeNull();
  });
});
