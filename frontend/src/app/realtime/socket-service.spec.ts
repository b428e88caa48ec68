import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideRouter } from '@angular/router';
import { Events, ParticipantStatus, SocketCommands } from '@invigil/contracts';
import { FakeSocket } from '../../testing/fake-socket';
import { SOCKET_CONNECTOR } from './socket-connector';
import { SocketUnavailableError } from './socket-request-errors';
import { SocketService } from './socket-service';
import { first } from '../../testing/items';

describe('SocketService', () => {
  let socket: FakeSocket;
  let service: SocketService;

  beforeEach(() => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideRouter([]), { provide: SOCKET_CONNECTOR, useValue: () => socket }],
    });
    service = TestBed.inject(SocketService);
  });

  const watchCommands = () => socket.emitted.filter((sent) => sent.event === SocketCommands.watchSession);

  it('watches the session on connect and again after every reconnect', () => {
    const confirmations: number[] = [];
    service.watchSession('session-1').subscribe(() => confirmations.push(Date.now()));

    socket.serverConnects();
    socket.serverDrops();
    expect(service.connected()).toBe(false);
    socket.serverConnects();

    expect(watchCommands()).toEqual([
      { event: SocketCommands.watchSession, payload: { sessionId: 'session-1' } },
      { event: SocketCommands.watchSession, payload: { sessionId: 'session-1' } },
    ]);
    expect(confirmations).toHaveLength(2);
    expect(service.connected()).toBe(true);
  });

  it('stops re-watching a session nobody shows any more', () => {
    const subscription = service.watchSession('session-1').subscribe();
    socket.serverConnects();
    subscription.unsubscribe();
    socket.serverDrops();
    socket.serverConnects();
    expect(watchCommands()).toHaveLength(1);
  });

  it('reports a refused watch so the page can say live updates are off', () => {
    socket.watchAck = { ok: false, error: 'You may not watch this session.' };
    service.watchSession('session-1').subscribe();
    socket.serverConnects();
    expect(service.lastWatchError()).toBe('You may not watch this session.');
  });

  it('delivers only the subject and session asked for', () => {
    const received: string[] = [];
    service.on(Events.sessionStarted, 'session-1').subscribe(({ data }) => received.push(data.sessionId));
    const base = { orgId: 'org', name: 'Mock exam', startedAt: '2026-01-01T10:00:00.000Z' };

    socket.push(Events.sessionStarted, { ...base, sessionId: 'session-2' });
    socket.push(Events.participantStatusChanged, {
      orgId: 'org',
      sessionId: 'session-1',
      participantId: 'p1',
      userId: 'u1',
      from: ParticipantStatus.Waiting,
      to: ParticipantStatus.InSession,
    });
    socket.push(Events.sessionStarted, { ...base, sessionId: 'session-1' });

    expect(received).toEqual(['session-1']);
  });

  it('resolves a request with the server acknowledgement', async () => {
    socket.serverConnects();
    socket.handlers.set('attempt.save', (payload) => ({ ok: true, echoed: payload }));
    await expect(service.request('attempt.save', { clientSeq: 1 }, 5_000)).resolves.toEqual({
      ok: true,
      echoed: { clientSeq: 1 },
    });
  });

  it('refuses a request while disconnected and when no acknowledgement comes in time, without buffering it', async () => {
    await expect(service.request('attempt.save', {}, 5_000)).rejects.toBeInstanceOf(SocketUnavailableError);
    expect(socket.emitted).toHaveLength(0);

    socket.serverConnects();
    const pending = service.request('attempt.save', {}, 5_000);
    first(socket.unanswered).timeOut();
    await expect(pending).rejects.toBeInstanceOf(SocketUnavailableError);
  });

  it('tells subscribers about the current connection and every reconnect', () => {
    socket.serverConnects();
    let connections = 0;
    service.connections().subscribe(() => connections++);
    socket.serverDrops();
    socket.serverConnects();
    expect(connections).toBe(2);
  });
});
