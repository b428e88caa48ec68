import { inject } from '@angular/core';
import type { CanActivateFn, CanMatchFn, RedirectFunction } from '@angular/router';
import { Router } from '@angular/router';
import type { Role } from '@invigil/contracts';
import { AuthStore, homePathFor } from './auth-store';

/** Lets only the given roles into an area; others go to their own area, strangers to /login. */
export function requireRole(...roles: Role[]): CanMatchFn {
  return () => {
    const user = inject(AuthStore).user();
    const router = inject(Router);
    if (!user) return router.parseUrl('/login');
    return roles.includes(user.role) ? true : router.parseUrl(homePathFor(user.role));
  };
}

/** A signed-in user who opens /login is sent to their area instead of a pointless form. */
export const skipLoginWhenSignedIn: CanActivateFn = () => {
  const user = inject(AuthStore).user();
  return user ? inject(Router).parseUrl(homePathFor(user.role)) : true;
};

export const homeRedirect: RedirectFunction = () => {
  const user = inject(AuthStore).user();
  return user ? homePathFor(user.role) : '/login';
};
