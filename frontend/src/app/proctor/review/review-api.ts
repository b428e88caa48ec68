import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  MarkReviewItemBody,
  ReviewItemView,
  ReviewQueueQuery,
  ReviewQueueView,
  ReviewSettingsView,
  UpdateReviewSettingsBody,
} from '@invigil/contracts';

/** The review routes: a session's queue, one answer, its mark, and revealing identities (admins). */
@Injectable({ providedIn: 'root' })
export class ReviewApi {
  private readonly http = inject(HttpClient);

  queue(sessionId: string, filters: ReviewQueueQuery): Promise<ReviewQueueView> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value) params[key] = String(value);
    return firstValueFrom(this.http.get<ReviewQueueView>(`${sessionUrl(sessionId)}/review`, { params }));
  }

  item(itemId: string): Promise<ReviewItemView> {
    return firstValueFrom(this.http.get<ReviewItemView>(`/api/review/items/${encodeURIComponent(itemId)}`));
  }

  mark(itemId: string, body: MarkReviewItemBody): Promise<ReviewItemView> {
    return firstValueFrom(this.http.post<ReviewItemView>(`/api/review/items/${encodeURIComponent(itemId)}/mark`, body));
  }

  updateSettings(sessionId: string, body: UpdateReviewSettingsBody): Promise<ReviewSettingsView> {
    return firstValueFrom(this.http.put<ReviewSettingsView>(`${sessionUrl(sessionId)}/review/settings`, body));
  }

  revealIdentities(sessionId: string): Promise<ReviewSettingsView> {
    return firstValueFrom(this.http.post<ReviewSettingsView>(`${sessionUrl(sessionId)}/review/reveal-identities`, {}));
  }
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
