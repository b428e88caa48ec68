import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { RecordExportFormat, RecordPage, RecordVerification } from '@invigil/contracts';
import { RecordFilters, recordQueryParams } from './record-format';

/** The session record's routes: a page of entries, the chain's verification, the whole record as a file. */
@Injectable({ providedIn: 'root' })
export class RecordApi {
  private readonly http = inject(HttpClient);

  page(sessionId: string, filters: RecordFilters, afterSeq: number | null, limit: number): Promise<RecordPage> {
    const params = new HttpParams({ fromObject: recordQueryParams(filters, afterSeq, limit) });
    return firstValueFrom(this.http.get<RecordPage>(recordUrl(sessionId), { params }));
  }

  verify(sessionId: string): Promise<RecordVerification> {
    return firstValueFrom(this.http.get<RecordVerification>(`${recordUrl(sessionId)}/verify`));
  }

  export(sessionId: string, format: RecordExportFormat): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${recordUrl(sessionId)}/export`, { params: { format }, responseType: 'blob' }),
    );
  }
}

function recordUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/record`;
}
