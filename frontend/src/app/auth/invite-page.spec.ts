import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@invigil/contracts';
import { settle, textOf } from '../../testing/dom';
import { InvitePage } from './invite-page';

describe('InvitePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InvitePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it("signs in with the link's token and opens the candidate's exams", async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(InvitePage);
    fixture.componentRef.setInput('token', 'tok_abcdefghijklmnopqrstuvwxyz');
    await fixture.whenStable();
    const request = http.expectOne('/api/auth/invitation');
    expect(request.request.body).toEqual({ token: 'tok_abcdefghijklmnopqrstuvwxyz' });
    request.flush({
      accessToken: 'jwt',
      expiresInSeconds: 60,
      sessionId: 's1',
      user: { id: 'u1', orgId: 'o1', orgName: 'Org', email: 'c@example.com', displayName: 'C', role: Role.Candidate },
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/exam', { replaceUrl: true });
    expect(JSON.parse(localStorage.getItem('invigil.session')!).accessToken).toBe('jwt');
  });

  it('says why a spent link does not work', async () => {
    const fixture = TestBed.createComponent(InvitePage);
    fixture.componentRef.setInput('token', 'tok_abcdefghijklmnopqrstuvwxyz');
    await fixture.whenStable();
    http.expectOne('/api/auth/invitation').flush(
      {
        statusCode: 401,
        error: 'UNAUTHENTICATED',
        message:
          'This invitation link has already been used. Sign in with your password, or ask your proctor to send a new one.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'invite-error')).toContain('This invitation link has already been used.');
  });
});
