import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  BroadcastBody,
  HandView,
  MessageReceiptKind,
  MessageView,
  ReceiptsRecordedView,
  UnreadCountsView,
} from '@invigil/contracts';

const url = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The gateway's messages area, for both sides: each caller gets their side of the session's messages. */
@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly http = inject(HttpClient);

  /** Oldest first; `after` (the last seq held) fetches only what was missed. */
  list(sessionId: string, options: { after?: number; candidate?: string } = {}): Promise<MessageView[]> {
    let params = new HttpParams();
    if (options.after) params = params.set('after', options.after);
    if (options.candidate) params = params.set('candidate', options.candidate);
    return firstValueFrom(this.http.get<MessageView[]>(`${url(sessionId)}/messages`, { params }));
  }

  broadcast(sessionId: string, body: BroadcastBody): Promise<MessageView> {
    return firstValueFrom(this.http.post<MessageView>(`${url(sessionId)}/messages`, body));
  }

  sendPrivate(sessionId: string, toUserIds: string[], body: string): Promise<MessageView[]> {
    return firstValueFrom(this.http.post<MessageView[]>(`${url(sessionId)}/messages/private`, { body, toUserIds }));
  }

  writeToStaff(sessionId: string, body: string): Promise<MessageView> {
    return firstValueFrom(this.http.post<MessageView>(`${url(sessionId)}/messages/to-staff`, { body }));
  }

  receipts(sessionId: string, messageIds: string[], receipt: MessageReceiptKind): Promise<ReceiptsRecordedView> {
    const body = { messageIds, receipt };
    return firstValueFrom(this.http.post<ReceiptsRecordedView>(`${url(sessionId)}/messages/receipts`, body));
  }

  unread(sessionId: string): Promise<UnreadCountsView> {
    return firstValueFrom(this.http.get<UnreadCountsView>(`${url(sessionId)}/messages/unread`));
  }

  setMyHand(sessionId: string, raised: boolean): Promise<HandView> {
    return firstValueFrom(this.http.put<HandView>(`${url(sessionId)}/hand`, { raised }));
  }

  lowerHand(sessionId: string, userId: string): Promise<HandView> {
    const target = `${url(sessionId)}/hands/${encodeURIComponent(userId)}`;
    return firstValueFrom(this.http.put<HandView>(target, { raised: false }));
  }

  hands(sessionId: string): Promise<HandView[]> {
    return firstValueFrom(this.http.get<HandView[]>(`${url(sessionId)}/hands`));
  }
}
