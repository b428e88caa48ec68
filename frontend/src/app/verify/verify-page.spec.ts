import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CertificateVerificationView } from '@invigil/contracts';
import { byTestId, settle, textOf } from '../../testing/dom';
import { VerifyPage } from './verify-page';

const VIEW: CertificateVerificationView = {
  code: '7K2M9QXD4RTA',
  holderName: 'Carla Candidate',
  organizationName: 'Demo Academy',
  assessmentTitle: 'Safety Basics',
  issuedAt: '2026-11-26T10:00:00.000Z',
  percent: 66.7,
  passed: true,
  status: 'revoked',
  revokedAt: '2026-11-28T09:00:00.000Z',
  revokedReason: 'The attempt was reopened and did not reach the pass mark.',
};

describe('VerifyPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [VerifyPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(code: string) {
    const fixture = TestBed.createComponent(VerifyPage);
    fixture.componentRef.setInput('code', code);
    await fixture.whenStable();
    return fixture;
  }

  it("shows the certificate's facts and why it was revoked", async () => {
    const fixture = await open('7K2M9QXD4RTA');
    http.expectOne('/api/verify/7K2M9QXD4RTA').flush(VIEW);
    await settle(fixture);
    expect(textOf(fixture, 'verify-status')).toBe('Revoked');
    expect(textOf(fixture, 'verify-revoked-at')).toContain('28 November 2026');
    expect(textOf(fixture, 'verify-holder')).toBe('Carla Candidate');
    expect(textOf(fixture, 'verify-result')).toBe('66.7% · Passed');
    expect(textOf(fixture, 'verify-code')).toBe('7K2M-9QXD-4RTA');
  });

  it('says plainly when no certificate has the code', async () => {
    const fixture = await open('000000000000');
    http
      .expectOne('/api/verify/000000000000')
      .flush({ statusCode: 404, message: 'No certificate' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(textOf(fixture, 'verify-not-found')).toContain('No certificate has this verification code');
  });

  it('refuses pasted text that is not JSON without asking the server', async () => {
    const fixture = TestBed.createComponent(VerifyPage);
    await fixture.whenStable();
    const input = byTestId<HTMLTextAreaElement>(fixture, 'verify-credential-input');
    input.value = 'not json';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    byTestId<HTMLButtonElement>(fixture, 'verify-credential-submit').click();
    await settle(fixture);
    expect(textOf(fixture, 'verify-credential-error')).toContain('This is not JSON');
  });
});
