import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { DecideIdentityBody, IdentityCheckView, SignalView, SnapshotView } from '@invigil/contracts';

/** The gateway endpoints behind the proctor's security panels. */
@Injectable({ providedIn: 'root' })
export class SecurityReviewApi {
  private readonly http = inject(HttpClient);

  listSignals(sessionId: string): Promise<SignalView[]> {
    return firstValueFrom(this.http.get<SignalView[]>(`${sessionUrl(sessionId)}/signals`));
  }

  listSnapshots(sessionId: string): Promise<SnapshotView[]> {
    return firstValueFrom(this.http.get<SnapshotView[]>(`${sessionUrl(sessionId)}/snapshots`));
  }

  snapshotImageUrl(sessionId: string, snapshotId: string): string {
    return `${sessionUrl(sessionId)}/snapshots/${encodeURIComponent(snapshotId)}/image`;
  }

  listIdentityChecks(sessionId: string): Promise<IdentityCheckView[]> {
    return firstValueFrom(this.http.get<IdentityCheckView[]>(`${sessionUrl(sessionId)}/identity`));
  }

  identityPhotoUrl(sessionId: string, userId: string, photo: 'face' | 'id'): string {
    return `${sessionUrl(sessionId)}/identity/${encodeURIComponent(userId)}/photos/${photo}`;
  }

  decideIdentity(sessionId: string, userId: string, body: DecideIdentityBody): Promise<IdentityCheckView> {
    const url = `${sessionUrl(sessionId)}/identity/${encodeURIComponent(userId)}/decision`;
    return firstValueFrom(this.http.post<IdentityCheckView>(url, body));
  }

  /** Images need the bearer token, which an <img src> cannot send: they are fetched as blobs. */
  image(url: string): Promise<Blob> {
    return firstValueFrom(this.http.get(url, { responseType: 'blob' }));
  }
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
