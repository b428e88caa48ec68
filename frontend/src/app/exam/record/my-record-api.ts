import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { RecordPage } from '@invigil/contracts';

/** A candidate's own part of a session's record: the gateway fixes it to the signed-in candidate. */
@Injectable({ providedIn: 'root' })
export class MyRecordApi {
  private readonly http = inject(HttpClient);

  page(sessionId: string, afterSeq: number | null, limit: number): Promise<RecordPage> {
    const params: Record<string, string> = { limit: String(limit) };
    if (afterSeq !== null) params['afterSeq'] = String(afterSeq);
    return firstValueFrom(
      this.http.get<RecordPage>(`/api/sessions/${encodeURIComponent(sessionId)}/record/mine`, { params }),
    );
  }
}
