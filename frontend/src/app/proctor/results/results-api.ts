import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  ReleaseOutcome,
  ReleaseView,
  SessionResultsQuery,
  SessionResultsView,
  UpdateReleaseSettingsBody,
} from '@invigil/contracts';

/** The release routes and the results table of one session, with its CSV and XLSX exports. */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);

  results(sessionId: string, filters: SessionResultsQuery): Promise<SessionResultsView> {
    return firstValueFrom(
      this.http.get<SessionResultsView>(`${sessionUrl(sessionId)}/results`, { params: params(filters) }),
    );
  }

  updateSettings(sessionId: string, body: UpdateReleaseSettingsBody): Promise<ReleaseView> {
    return firstValueFrom(this.http.put<ReleaseView>(`${sessionUrl(sessionId)}/release/settings`, body));
  }

  release(sessionId: string): Promise<ReleaseOutcome> {
    return firstValueFrom(this.http.post<ReleaseOutcome>(`${sessionUrl(sessionId)}/release`, {}));
  }

  /** Fetched through HttpClient so the request carries the bearer token a plain link would not. */
  export(sessionId: string, format: 'csv' | 'xlsx', filters: SessionResultsQuery): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${sessionUrl(sessionId)}/results/export.${format}`, {
        params: params(filters),
        responseType: 'blob',
      }),
    );
  }
}

function params(filters: SessionResultsQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) out[key] = String(value);
  return out;
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
