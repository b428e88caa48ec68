import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AttemptView,
  FlagQuestionBody,
  JoinWithCodeBody,
  NavigateBody,
  ParticipantView,
  ResultView,
} from '@invigil/contracts';

/** The gateway endpoints a candidate uses (answers are saved over the socket, see ExamViewLink). */
@Injectable({ providedIn: 'root' })
export class ExamApi {
  private readonly http = inject(HttpClient);

  join(body: JoinWithCodeBody): Promise<ParticipantView> {
    return firstValueFrom(this.http.post<ParticipantView>('/api/enrollment/join', body));
  }

  myParticipations(): Promise<ParticipantView[]> {
    return firstValueFrom(this.http.get<ParticipantView[]>('/api/me/participations'));
  }

  getAttempt(sessionId: string): Promise<AttemptView> {
    return firstValueFrom(this.http.get<AttemptView>(`${sessionUrl(sessionId)}/attempt`));
  }

  /** The question the candidate is on: the server keeps the time per section from it. */
  reportPosition(sessionId: string, body: NavigateBody): Promise<void> {
    return firstValueFrom(this.http.put<void>(`${sessionUrl(sessionId)}/attempt/position`, body));
  }

  setFlag(sessionId: string, questionId: string, body: FlagQuestionBody): Promise<{ flaggedQuestionIds: string[] }> {
    const url = `${sessionUrl(sessionId)}/attempt/flags/${encodeURIComponent(questionId)}`;
    return firstValueFrom(this.http.put<{ flaggedQuestionIds: string[] }>(url, body));
  }

  submit(sessionId: string): Promise<AttemptView> {
    return firstValueFrom(this.http.post<AttemptView>(`${sessionUrl(sessionId)}/attempt/submit`, {}));
  }

  /** Null until the attempt has been scored. */
  getResult(sessionId: string): Promise<ResultView | null> {
    return firstValueFrom(this.http.get<ResultView | null>(`${sessionUrl(sessionId)}/result`));
  }

  certificatePdf(certificateId: string): Promise<Blob> {
    const url = `/api/certificates/${encodeURIComponent(certificateId)}/pdf`;
    return firstValueFrom(this.http.get(url, { responseType: 'blob' }));
  }

  /** The certificate's signed Open Badges 3.0 credential (JSON-LD). */
  certificateCredential(certificateId: string): Promise<Blob> {
    const url = `/api/certificates/${encodeURIComponent(certificateId)}/credential`;
    return firstValueFrom(this.http.get(url, { responseType: 'blob' }));
  }
}

/** The server answers 409 to GET attempt while the session has not started: that is "wait", not a failure. */
export function isNotStartedYet(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}

function sessionUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}
