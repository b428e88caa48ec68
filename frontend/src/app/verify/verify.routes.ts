import type { Routes } from '@angular/router';
import { VerifyPage } from './verify-page';

/** The public verification page: by the code in the URL (the certificate's QR code), or typed / pasted. */
export const verifyRoutes: Routes = [
  { path: '', component: VerifyPage, title: 'Verify a certificate · Invigil' },
  { path: ':code', component: VerifyPage, title: 'Verify a certificate · Invigil' },
];
