import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { BroadcastBody, LiveSessionView, MessageView } from '@invigil/contracts';

const url = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The gateway's live-proctoring endpoints: the live roster and activity snapshot, and broadcasts to candidates. */
@Injectable({ providedIn: 'root' })
export class LiveSessionApi {
  private readonly http = inject(HttpClient);

  /** Participants with their progress, and the recent activity; socket pushes keep it current afterwards. */
  snapshot(sessionId: string): Promise<LiveSessionView> {
    return firstValueFrom(this.http.get<LiveSessionView>(`${url(sessionId)}/live`));
  }

  broadcast(sessionId: string, body: BroadcastBody): Promise<MessageView> {
    return firstValueFrom(this.http.post<MessageView>(`${url(sessionId)}/messages`, body));
  }
}
