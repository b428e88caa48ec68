import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AssessmentDetailView, AssessmentDocument, AssessmentView, CreateAssessmentBody } from '@invigil/contracts';

const url = (id: string) => `/api/assessments/${encodeURIComponent(id)}`;

/** The gateway's assessment endpoints: the organization's assessments, their versions, export and import. */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<AssessmentView[]> {
    return firstValueFrom(this.http.get<AssessmentView[]>('/api/assessments'));
  }

  create(body: CreateAssessmentBody): Promise<AssessmentView> {
    return firstValueFrom(this.http.post<AssessmentView>('/api/assessments', body));
  }

  /** The current version with its answer keys. */
  get(id: string): Promise<AssessmentDetailView> {
    return firstValueFrom(this.http.get<AssessmentDetailView>(url(id)));
  }

  /** Adds a new version; sessions already created keep theirs. */
  update(id: string, body: CreateAssessmentBody): Promise<AssessmentView> {
    return firstValueFrom(this.http.put<AssessmentView>(url(id), body));
  }

  exportDocument(id: string): Promise<AssessmentDocument> {
    return firstValueFrom(this.http.get<AssessmentDocument>(`${url(id)}/export`));
  }

  importDocument(document: unknown): Promise<AssessmentView> {
    return firstValueFrom(this.http.post<AssessmentView>('/api/assessments/import', document));
  }
}
