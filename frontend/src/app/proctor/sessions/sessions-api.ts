import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  PauseSessionBody,
  RescheduleLiveBody,
  Role,
  SessionSettingsBody,
  SessionView,
  UserSearchItem,
  UserSearchPage,
} from '@invigil/contracts';

/** Lifecycle commands the gateway accepts at POST /api/sessions/:id/<command>. */
export type SessionCommand = 'start' | 'pause' | 'resume' | 'end' | 'cancel';

const url = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The gateway's session endpoints: list, read, create, edit and reschedule, and the lifecycle commands. */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<SessionView[]> {
    return firstValueFrom(this.http.get<SessionView[]>('/api/sessions'));
  }

  get(sessionId: string): Promise<SessionView> {
    return firstValueFrom(this.http.get<SessionView>(url(sessionId)));
  }

  create(body: SessionSettingsBody): Promise<SessionView> {
    return firstValueFrom(this.http.post<SessionView>('/api/sessions', body));
  }

  /** Edit or reschedule before the start. */
  update(sessionId: string, body: SessionSettingsBody): Promise<SessionView> {
    return firstValueFrom(this.http.put<SessionView>(url(sessionId), body));
  }

  /** Who can supervise a session: the organization's proctors and admins. */
  async supervisors(): Promise<UserSearchItem[]> {
    const params = { role: [Role.Proctor, Role.Admin], pageSize: 100 };
    return (await firstValueFrom(this.http.get<UserSearchPage>('/api/users', { params }))).items;
  }

  /** Pause all, with the reason for the record and the message candidates see on the pause screen. */
  pause(sessionId: string, body: PauseSessionBody): Promise<SessionView> {
    return firstValueFrom(this.http.post<SessionView>(`${url(sessionId)}/pause`, body));
  }

  /** Move a started or paused session to a new start: every attempt waits, then resumes with its time. */
  rescheduleLive(sessionId: string, body: RescheduleLiveBody): Promise<SessionView> {
    return firstValueFrom(this.http.post<SessionView>(`${url(sessionId)}/reschedule-live`, body));
  }

  command(sessionId: string, command: SessionCommand): Promise<SessionView> {
    return firstValueFrom(this.http.post<SessionView>(`${url(sessionId)}/${command}`, {}));
  }
}
