import type { Routes } from '@angular/router';
import { ProctorDashboard } from './proctor-dashboard';
import { RosterManager } from './roster/roster-manager';
import { SessionPage } from './sessions/session-page';

export const proctorRoutes: Routes = [
  { path: '', component: ProctorDashboard, title: 'Proctor dashboard · Invigil' },
  { path: 'sessions/:id', component: SessionPage, title: 'Live session · Invigil' },
  { path: 'sessions/:id/roster', component: RosterManager, title: 'Roster · Invigil' },
  {
    path: 'sessions/:id/review',
    loadComponent: () => import('./review/review-queue-page').then((m) => m.ReviewQueuePage),
    title: 'Review answers · Invigil',
  },
  {
    path: 'sessions/:id/results',
    loadComponent: () => import('./results/results-page').then((m) => m.ResultsPage),
    title: 'Results · Invigil',
  },
  {
    path: 'review/:itemId',
    loadComponent: () => import('./review/review-item-page').then((m) => m.ReviewItemPage),
    title: 'Mark an answer · Invigil',
  },
];
