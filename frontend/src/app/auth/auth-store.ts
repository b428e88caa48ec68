import { computed, inject, Injectable, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { InvitationLoginResponse, LoginRequest, LoginResponse, Role, UserView } from '@invigil/contracts';

interface StoredSession {
  accessToken: string;
  user: UserView;
}

const storageKey = 'invigil.session';

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return role === Role.Candidate ? '/exam' : '/proctor';
}

/**
 * The signed-in user and their access token. Kept in localStorage so a reload (or a second tab)
 * stays signed in; the token itself is only ever sent by the HTTP interceptor and the socket.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<StoredSession | null>(readStoredSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly signedIn = computed(() => this.session() !== null);

  async login(credentials: LoginRequest): Promise<UserView> {
    const response = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', credentials));
    const session: StoredSession = { accessToken: response.accessToken, user: response.user };
    localStorage.setItem(storageKey, JSON.stringify(session));
    this.session.set(session);
    return response.user;
  }

  /** Signs in with the one-time token of an invitation link; returns the user and the session they were invited to. */
  async acceptInvitation(token: string): Promise<InvitationLoginResponse> {
    const response = await firstValueFrom(this.http.post<InvitationLoginResponse>('/api/auth/invitation', { token }));
    const session: StoredSession = { accessToken: response.accessToken, user: response.user };
    localStorage.setItem(storageKey, JSON.stringify(session));
    this.session.set(session);
    return response;
  }

  /** Forgets the token and goes to the login page (also used when the server answers 401). */
  logout(): void {
    localStorage.removeItem(storageKey);
    this.session.set(null);
    void this.router.navigateByUrl('/login');
  }
}

function readStoredSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.accessToken === 'string' && parsed.user ? (parsed as StoredSession) : null;
  } catch {
    // A corrupted entry must not lock the user out: treat it as signed out.
    return null;
  }
}
