import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LiveParticipantView, SecurityOptions } from '@invigil/contracts';
import { ParticipantStatus } from '@invigil/contracts';
import { FakeSocket } from './fake-socket';
import { SOCKET_CONNECTOR } from '../app/realtime/socket-connector';

export const allSecurity: SecurityOptions = {
  browserLockdown: true,
  screenMonitoring: true,
  identityVerification: true,
};

export function participant(userId: string, displayName: string): LiveParticipantView {
  return {
    participantId: `p-${userId}`,
    sessionId: 's1',
    userId,
    displayName,
    status: ParticipantStatus.InSession,
    answeredCount: 0,
    totalQuestions: 2,
    scorePercent: null,
    lastActivityAt: '2026-03-01T10:00:00.000Z',
  };
}

/** A panel on its own with a fake socket and HTTP backend; object URLs counted instead of made. */
export function setUpPanel<T>(component: Type<T>): {
  fixture: ComponentFixture<T>;
  http: HttpTestingController;
  socket: FakeSocket;
  revoked: string[];
} {
  const socket = new FakeSocket();
  TestBed.configureTestingModule({
    imports: [component],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: SOCKET_CONNECTOR, useValue: () => socket },
    ],
  });
  let made = 0;
  const revoked: string[] = [];
  URL.createObjectURL = () => `blob:test/${++made}`;
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  return { fixture: TestBed.createComponent(component), http: TestBed.inject(HttpTestingController), socket, revoked };
}
