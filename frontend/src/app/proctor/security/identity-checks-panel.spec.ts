import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { IdentityCheckView } from '@invigil/contracts';
import { IdentityStatus } from '@invigil/contracts';
import { byTestId, queryTestId, settle, textOf } from '../../../testing/dom';
import { IdentityChecksPanel } from './identity-checks-panel';
import { allSecurity, setUpPanel } from '../../../testing/security-panels';

const check: IdentityCheckView = {
  sessionId: 's1',
  userId: 'u1',
  participantId: 'p1',
  displayName: 'Cam Candidate',
  status: IdentityStatus.Submitted,
  submittedAt: '2026-03-01T09:55:00.000Z',
  decidedAt: null,
  decidedBy: null,
  reason: null,
};

describe('IdentityChecksPanel', () => {
  let fixture: ComponentFixture<IdentityChecksPanel>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(IdentityChecksPanel));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('security', allSecurity);
    await settle(fixture);
    http.expectOne('/api/sessions/s1/identity').flush([check]);
    await settle(fixture);
    http.expectOne('/api/sessions/s1/identity/u1/photos/face').flush(new Blob(['face']));
    http.expectOne('/api/sessions/s1/identity/u1/photos/id').flush(new Blob(['id']));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows both photos of a candidate waiting for a decision', () => {
    expect(textOf(fixture, 'identity-check-u1')).toContain('Cam Candidate');
    expect(textOf(fixture, 'identity-status')).toBe('Waiting for your decision');
    expect(byTestId<HTMLImageElement>(fixture, 'identity-face-image').alt).toBe('Face of Cam Candidate');
    expect(queryTestId(fixture, 'identity-id-image')).not.toBeNull();
  });

  it('approves', async () => {
    byTestId(fixture, 'identity-approve').click();
    const request = http.expectOne('/api/sessions/s1/identity/u1/decision');
    expect(request.request.body).toEqual({ approved: true });
    request.flush({
      ...check,
      status: IdentityStatus.Approved,
      decidedAt: '2026-03-01T10:00:00.000Z',
      decidedBy: 'u9',
    });
    await settle(fixture);
    expect(textOf(fixture, 'identity-status')).toBe('Approved');
    expect(queryTestId(fixture, 'identity-approve')).toBeNull();
  });

  it('rejects only with a reason, which it sends', async () => {
    byTestId(fixture, 'identity-reject').click();
    await settle(fixture);
    const confirm = byTestId<HTMLButtonElement>(fixture, 'identity-reject-confirm');
    expect(confirm.disabled).toBe(true);
    const reason = byTestId<HTMLTextAreaElement>(fixture, 'identity-reject-reason');
    reason.value = 'The ID is not readable';
    reason.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(confirm.disabled).toBe(false);
    confirm.click();
    const request = http.expectOne('/api/sessions/s1/identity/u1/decision');
    expect(request.request.body).toEqual({ approved: false, reason: 'The ID is not readable' });
    request.flush({ ...check, status: IdentityStatus.Rejected, reason: 'The ID is not readable' });
    await settle(fixture);
    expect(textOf(fixture, 'identity-reason')).toContain('The ID is not readable');
  });
});
