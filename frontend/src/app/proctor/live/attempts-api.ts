import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AttemptProgressView,
  AttemptSummaryView,
  BulkAttemptBody,
  BulkAttemptResult,
  CreditAttemptBody,
  ExtendAttemptBody,
  ReopenAttemptBody,
} from '@invigil/contracts';

/** A proctor's controls over candidates' attempts: their clocks, pause, resume, extra time and recovery. */
@Injectable({ providedIn: 'root' })
export class AttemptsApi {
  private readonly http = inject(HttpClient);

  list(sessionId: string): Promise<AttemptSummaryView[]> {
    return firstValueFrom(this.http.get<AttemptSummaryView[]>(`${attemptsUrl(sessionId)}`));
  }

  pause(sessionId: string, userId: string): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/pause`, {}),
    );
  }

  resume(sessionId: string, userId: string): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/resume`, {}),
    );
  }

  extend(sessionId: string, userId: string, body: ExtendAttemptBody): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/extend`, body),
    );
  }

  /** One candidate's attempt question by question (404 before they start). */
  progress(sessionId: string, userId: string): Promise<AttemptProgressView> {
    return firstValueFrom(
      this.http.get<AttemptProgressView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/progress`),
    );
  }

  /** One action on many candidates; the answer has an outcome for each. */
  bulk(sessionId: string, body: BulkAttemptBody): Promise<BulkAttemptResult> {
    return firstValueFrom(this.http.post<BulkAttemptResult>(`${attemptsUrl(sessionId)}/bulk`, body));
  }

  reopen(sessionId: string, userId: string, body: ReopenAttemptBody): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/reopen`, body),
    );
  }

  credit(sessionId: string, userId: string, body: CreditAttemptBody): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/credit`, body),
    );
  }

  releaseView(sessionId: string, userId: string): Promise<AttemptSummaryView> {
    return firstValueFrom(
      this.http.post<AttemptSummaryView>(`${attemptsUrl(sessionId)}/${encodeURIComponent(userId)}/release-view`, {}),
    );
  }
}

function attemptsUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/attempts`;
}
