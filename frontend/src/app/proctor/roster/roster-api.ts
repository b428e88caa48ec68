import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AddParticipantsBody,
  ImportPreview,
  ImportResult,
  ParticipantView,
  UpdateTimeLimitBody,
  UserSearchPage,
} from '@invigil/contracts';

const s = (id: string) => encodeURIComponent(id);

/** The gateway's roster endpoints: search, add, remove, limits, bulk import. */
@Injectable({ providedIn: 'root' })
export class RosterApi {
  private readonly http = inject(HttpClient);

  list(sessionId: string): Promise<ParticipantView[]> {
    return firstValueFrom(this.http.get<ParticipantView[]>(`/api/sessions/${s(sessionId)}/participants`));
  }

  searchUsers(query: string, page = 1, pageSize = 20): Promise<UserSearchPage> {
    return firstValueFrom(this.http.get<UserSearchPage>('/api/users', { params: { query, page, pageSize } }));
  }

  add(sessionId: string, body: AddParticipantsBody): Promise<ParticipantView[]> {
    return firstValueFrom(this.http.post<ParticipantView[]>(`/api/sessions/${s(sessionId)}/participants`, body));
  }

  remove(sessionId: string, participantId: string): Promise<ParticipantView> {
    return firstValueFrom(
      this.http.delete<ParticipantView>(`/api/sessions/${s(sessionId)}/participants/${s(participantId)}`),
    );
  }

  resendInvitation(sessionId: string, participantId: string): Promise<ParticipantView> {
    return firstValueFrom(
      this.http.post<ParticipantView>(`/api/sessions/${s(sessionId)}/participants/${s(participantId)}/invitation`, {}),
    );
  }

  updateTimeLimit(sessionId: string, participantId: string, body: UpdateTimeLimitBody): Promise<ParticipantView> {
    return firstValueFrom(
      this.http.put<ParticipantView>(`/api/sessions/${s(sessionId)}/participants/${s(participantId)}/time-limit`, body),
    );
  }

  template(kind: 'csv' | 'xlsx'): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/enrollment/import-template.${kind}`, { responseType: 'blob' }));
  }

  uploadImport(sessionId: string, file: File): Promise<ImportPreview> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<ImportPreview>(`/api/sessions/${s(sessionId)}/import`, form));
  }

  commitImport(sessionId: string, uploadId: string, sendInvitation: boolean): Promise<ImportResult> {
    return firstValueFrom(
      this.http.post<ImportResult>(`/api/sessions/${s(sessionId)}/import/${s(uploadId)}/commit`, { sendInvitation }),
    );
  }
}
