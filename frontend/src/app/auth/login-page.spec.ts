import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { UserView } from '@invigil/contracts';
import { Role } from '@invigil/contracts';
import { byTestId, queryTestId, settle, textOf, typeInto } from '../../testing/dom';
import { authInterceptor } from './auth-interceptor';
import { LoginPage } from './login-page';

const proctor: UserView = {
  id: 'u1',
  orgId: 'o1',
  orgName: 'Demo Org',
  email: 'proctor@example.org',
  displayName: 'Pat Proctor',
  role: Role.Proctor,
};

describe('LoginPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function submit(email: string, password: string) {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    typeInto(fixture, 'login-email', email);
    typeInto(fixture, 'login-password', password);
    byTestId(fixture, 'login-submit').click();
    return fixture;
  }

  it("shows the server's message when the credentials are refused, and stays on the page", async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const fixture = await submit(proctor.email, 'wrong');

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: proctor.email, password: 'wrong' });
    request.flush(
      { statusCode: 401, error: 'UNAUTHENTICATED', message: 'Email or password is wrong.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);

    expect(textOf(fixture, 'login-error')).toBe('Email or password is wrong.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lists the field problems the server reports', async () => {
    const fixture = await submit('not-an-email', '');
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        details: ['email must be a valid email address'],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(textOf(fixture, 'login-error')).toContain('email must be a valid email address');
  });

  it('remembers the session and takes a proctor to the proctor area', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = await submit(proctor.email, 'secret');

    http.expectOne('/api/auth/login').flush({ accessToken: 'token-1', expiresInSeconds: 3600, user: proctor });
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith('/proctor');
    expect(JSON.parse(localStorage.getItem('invigil.session') ?? '{}')).toEqual({
      accessToken: 'token-1',
      user: proctor,
    });
    expect(queryTestId(fixture, 'login-error')).toBeNull();
  });
});
