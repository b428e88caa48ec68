import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

const loginUrl = '/api/auth/login';

/** Adds the bearer token to API calls; an expired or revoked token (401) signs the user out. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const token = auth.token();
  const isApiCall = request.url.startsWith('/api/');
  const authorized =
    token && isApiCall ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorized).pipe(
    catchError((error: unknown) => {
      // A 401 from the login call means wrong credentials: the login form shows it instead.
      if (error instanceof HttpErrorResponse && error.status === 401 && isApiCall && request.url !== loginUrl) {
        auth.logout();
      }
      return throwError(() => error);
    }),
  );
};
