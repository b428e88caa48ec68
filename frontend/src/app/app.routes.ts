import type { Routes } from '@angular/router';
import { Role } from '@invigil/contracts';
import { homeRedirect, requireRole, skipLoginWhenSignedIn } from './auth/auth-guards';
import { InvitePage } from './auth/invite-page';
import { LoginPage } from './auth/login-page';

export const appRoutes: Routes = [
  { path: 'login', component: LoginPage, title: 'Sign in · Invigil', canActivate: [skipLoginWhenSignedIn] },
  {
    path: 'proctor',
    canMatch: [requireRole(Role.Proctor, Role.Admin)],
    loadChildren: () => import('./proctor/proctor.routes').then((m) => m.proctorRoutes),
  },
  {
    path: 'exam',
    canMatch: [requireRole(Role.Candidate)],
    loadChildren: () => import('./exam/exam.routes').then((m) => m.examRoutes),
  },
  // The one-time sign-in link of an email invitation: the invitee has no password yet, so it works signed out.
  { path: 'invite/:token', component: InvitePage, title: 'Invitation · Invigil' },
  // Anyone holding a certificate checks it here, signed in or not.
  { path: 'verify', loadChildren: () => import('./verify/verify.routes').then((m) => m.verifyRoutes) },
  // Anything else (including "/") goes to the signed-in user's own area, or to the login page.
  { path: '**', redirectTo: homeRedirect },
];
