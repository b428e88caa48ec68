import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { LiveSessionView } from '@invigil/contracts';

const url = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The gateway's live-proctoring endpoint: the live roster and activity snapshot (messages: ChatApi). */
@Injectable({ providedIn: 'root' })
export class LiveSessionApi {
  private readonly http = inject(HttpClient);

  /** Participants with their progress, and the recent activity; socket pushes keep it current afterwards. */
  snapshot(sessionId: string): Promise<LiveSessionView> {
    return firstValueFrom(this.http.get<LiveSessionView>(`${url(sessionId)}/live`));
  }
}
