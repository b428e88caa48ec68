import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { Router } from '@angular/router';
import type { CertificateVerificationView, CredentialCheckView, JsonLdDocument } from '@invigil/contracts';
import { normalizeVerificationCode } from '@invigil/domain';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { CertificateFacts } from './certificate-facts';
import { VerifyApi } from './verify-api';

/**
 * /verify/:code (the certificate's QR code) and /verify: the certificate's facts and status, found by
 * its code, or the verdict on a pasted Open Badges credential. Works signed out.
 */
@Component({
  selector: 'app-verify-page',
  imports: [CertificateFacts, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verify-page.html',
})
export class VerifyPage {
  readonly code = input<string>();
  private readonly api = inject(VerifyApi);
  private readonly router = inject(Router);

  protected readonly view = signal<CertificateVerificationView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly typedCode = signal('');
  protected readonly pasted = signal('');
  protected readonly check = signal<CredentialCheckView | null>(null);
  protected readonly checkError = signal<DisplayedError | null>(null);

  constructor() {
    effect(() => {
      const code = this.code();
      if (code) void this.lookUp(code);
    });
  }

  protected openTyped(event: Event): void {
    event.preventDefault();
    const code = normalizeVerificationCode(this.typedCode()) ?? this.typedCode().trim();
    if (code) void this.router.navigate(['/verify', code]);
  }

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.pasted.set(await file.text());
  }

  protected async checkPasted(): Promise<void> {
    this.check.set(null);
    this.checkError.set(null);
    let credential: JsonLdDocument;
    try {
      credential = JSON.parse(this.pasted()) as JsonLdDocument;
    } catch {
      this.checkError.set({ message: 'This is not JSON: paste the whole credential file, from { to }.', details: [] });
      return;
    }
    try {
      this.check.set(await this.api.checkCredential(credential));
    } catch (error) {
      this.checkError.set(toDisplayedError(error));
    }
  }

  private async lookUp(code: string): Promise<void> {
    this.loading.set(true);
    this.view.set(null);
    this.notFound.set(false);
    this.error.set(null);
    try {
      this.view.set(await this.api.byCode(code));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) this.notFound.set(true);
      else this.error.set(toDisplayedError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
