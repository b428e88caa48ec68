import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  BroadcastBody,
  CreateAssessmentBody,
  LiveSessionView,
  MessageView,
  SessionView,
} from '@invigil/contracts';

/** The gateway endpoints a proctor uses; every call resolves once, with the server's answer. */
@Injectable({ providedIn: 'root' })
export class ProctorApi {
  private readonly http = inject(HttpClient);

  listAssessments(): Promise<AssessmentView[]> {
    return firstValueFrom(this.http.get<AssessmentView[]>('/api/assessments'));
  }

  createAssessment(body: CreateAssessmentBody): Promise<AssessmentView> {
    return firstValueFrom(this.http.post<AssessmentView>('/api/assessments', body));
  }

  /** The current version with its answer keys. */
  getAssessment(id: string): Promise<AssessmentDetailView> {
    return firstValueFrom(this.http.get<AssessmentDetailView>(`/api/assessments/${encodeURIComponent(id)}`));
  }

  /** Adds a new version; sessions already created keep theirs. */
  updateAssessment(id: string, body: CreateAssessmentBody): Promise<AssessmentView> {
    return firstValueFrom(this.http.put<AssessmentView>(`/api/assessments/${encodeURIComponent(id)}`, body));
  }

  exportAssessment(id: string): Promise<AssessmentDocument> {
    return firstValueFrom(this.http.get<AssessmentDocument>(`/api/assessments/${encodeURIComponent(id)}/export`));
  }

  importAssessment(document: unknown): Promise<AssessmentView> {
    return firstValueFrom(this.http.post<AssessmentView>('/api/assessments/import', document));
  }

  listSessions(): Promise<SessionView[]> {
    return firstValueFrom(this.http.get<SessionView[]>('/api/sessions'));
  }

  getSession(sessionId: string): Promise<SessionView> {
    return firstValueFrom(this.http.get<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}`));
  }

  startSession(sessionId: string): Promise<SessionView> {
    return firstValueFrom(this.http.post<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/start`, {}));
  }

  getLiveSession(sessionId: string): Promise<LiveSessionView> {
    return firstValueFrom(this.http.get<LiveSessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/live`));
  }

  listMessages(sessionId: string): Promise<MessageView[]> {
    return firstValueFrom(this.http.get<MessageView[]>(`/api/sessions/${encodeURIComponent(sessionId)}/messages`));
  }

  broadcast(sessionId: string, body: BroadcastBody): Promise<MessageView> {
    return firstValueFrom(this.http.post<MessageView>(`/api/sessions/${encodeURIComponent(sessionId)}/messages`, body));
  }
}
