import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { FileIncidentBody, IncidentView, MessageView, SignalView, SnapshotView } from '@invigil/contracts';

/** The incident routes, and the session's alerts, snapshots and messages an incident can link to. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly http = inject(HttpClient);

  list(sessionId: string): Promise<IncidentView[]> {
    return firstValueFrom(this.http.get<IncidentView[]>(`${sessionUrl(sessionId)}/incidents`));
  }

  file(sessionId: string, body: FileIncidentBody): Promise<IncidentView> {
    return firstValueFrom(this.http.post<IncidentView>(`${sessionUrl(sessionId)}/incidents`, body));
  }

  alerts(sessionId: string): Promise<SignalView[]> {
    return firstValueFrom(this.http.get<SignalView[]>(`${sessionUrl(sessionId)}/signals`));
  }

  snapshots(sessionId: string): Promise<SnapshotView[]> {
    return firstValueFrom(this.http.get<SnapshotView[]>(`${sessionUrl(sessionId)}/snapshots`));
  }

  messages(sessionId: string): Promise<MessageView[]> {
    return firstValueFrom(this.http.get<MessageView[]>(`${sessionUrl(sessionId)}/messages`));
  }
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
