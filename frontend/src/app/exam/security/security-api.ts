import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  IdentityCheckView,
  RecordSignalBody,
  SignalView,
  SnapshotView,
  StoreSnapshotBody,
  SubmitIdentityBody,
} from '@invigil/contracts';

/** The gateway endpoints the exam view's security steps use (candidate side). */
@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly http = inject(HttpClient);

  recordSignal(sessionId: string, body: RecordSignalBody): Promise<SignalView> {
    return firstValueFrom(this.http.post<SignalView>(`${sessionUrl(sessionId)}/signals`, body));
  }

  storeSnapshot(sessionId: string, body: StoreSnapshotBody): Promise<SnapshotView> {
    return firstValueFrom(this.http.post<SnapshotView>(`${sessionUrl(sessionId)}/snapshots`, body));
  }

  submitIdentity(sessionId: string, body: SubmitIdentityBody): Promise<IdentityCheckView> {
    return firstValueFrom(this.http.post<IdentityCheckView>(`${sessionUrl(sessionId)}/identity`, body));
  }

  /** The candidate's own check; null when none exists yet (404). */
  async myIdentity(sessionId: string): Promise<IdentityCheckView | null> {
    try {
      return await firstValueFrom(this.http.get<IdentityCheckView | null>(`${sessionUrl(sessionId)}/identity/mine`));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) return null;
      throw error;
    }
  }
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
