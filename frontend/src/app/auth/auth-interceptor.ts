import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

/** Calls whose 401 means "these credentials are wrong", shown by their own page, not "your session ended". */
const SIGN_IN_URLS = new Set(['/api/auth/login', '/api/auth/invitation']);

/** Adds the bearer token to API calls; an expired or revoked token (401) signs the user out. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const token = auth.token();
  const isApiCall = request.url.startsWith('/api/');
  const authorized = token && isApiCall ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorized).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && isApiCall && !SIGN_IN_URLS.has(request.url)) {
        auth.logout();
      }
      return throwError(() => error);
    }),
  );
};
