import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CertificateVerificationView, CredentialCheckView, JsonLdDocument } from '@invigil/contracts';
import { firstValueFrom } from 'rxjs';

/** The public verification routes: no token needed, none sent on purpose. */
@Injectable({ providedIn: 'root' })
export class VerifyApi {
  private readonly http = inject(HttpClient);

  byCode(code: string): Promise<CertificateVerificationView> {
    return firstValueFrom(this.http.get<CertificateVerificationView>(`/api/verify/${encodeURIComponent(code)}`));
  }

  checkCredential(credential: JsonLdDocument): Promise<CredentialCheckView> {
    return firstValueFrom(this.http.post<CredentialCheckView>('/api/verify/credential', { credential }));
  }
}
