import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@invigil/contracts';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    const user = {
      id: 'u1',
      orgId: 'o1',
      orgName: 'Org',
      email: 'c@example.org',
      displayName: 'Cam',
      role: Role.Candidate,
    };
    localStorage.setItem('invigil.session', JSON.stringify({ accessToken: 'token-1', user }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('sends the bearer token with API calls', () => {
    client.get('/api/sessions').subscribe();
    expect(http.expectOne('/api/sessions').request.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('signs out and goes to the login page when the token is no longer accepted', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    client.get('/api/sessions').subscribe({ error: () => undefined });
    http.expectOne('/api/sessions').flush({ message: 'expired' }, { status: 401, statusText: 'Unauthorized' });

    expect(TestBed.inject(AuthStore).signedIn()).toBe(false);
    expect(localStorage.getItem('invigil.session')).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});
