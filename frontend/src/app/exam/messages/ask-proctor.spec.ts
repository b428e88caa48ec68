import { Component, inject } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { MessageView } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { SOCKET_CONNECTOR } from '../../realtime/socket-connector';
import { byTestId, queryTestId, textOf, typeInto } from '../../../testing/dom';
import { FakeSocket } from '../../../testing/fake-socket';
import { AskProctor } from './ask-proctor';
import { CandidateChat } from './candidate-chat';

const me = { id: 'carla', email: 'carla@example.com', displayName: 'Carla', role: 'candidate', orgId: 'o1' };

@Component({
  selector: 'app-host',
  imports: [AskProctor],
  providers: [CandidateChat],
  template: `<button type="button" data-testid="question">Question</button><app-ask-proctor />`,
})
class Host {
  readonly chat = inject(CandidateChat);
}

const fromProctor = (overrides: Partial<MessageView> = {}): MessageView => ({
  id: 'm1',
  seq: 1,
  sessionId: 's1',
  kind: 'private',
  senderRole: 'staff',
  senderId: 'paula',
  senderName: 'Paula Proctor',
  body: '<img src=x onerror=alert(1)> Please check your camera.',
  sentAt: '2026-12-03T10:00:00Z',
  toUserId: 'carla',
  recipientUserIds: null,
  receipts: [],
  ...overrides,
});

describe('AskProctor', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let socket: FakeSocket;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    fixture.detectChanges();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.setItem('invigil.session', JSON.stringify({ accessToken: 'token', user: me }));
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SOCKET_CONNECTOR, useValue: () => socket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.chat.start('s1');
    await settle();
    http.expectOne('/api/sessions/s1/hands').flush([]);
    http.expectOne('/api/sessions/s1/messages').flush([]);
    await settle();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('shows a new message as text in a banner without taking focus, and marks it read when acknowledged', async () => {
    const question = byTestId(fixture, 'question');
    question.focus();
    socket.push(Events.messageSent, {
      orgId: 'o1',
      sessionId: 's1',
      messageId: 'm1',
      kind: 'private',
      senderName: 'Paula Proctor',
      body: 'ignored: the list is fetched',
      sentAt: '2026-12-03T10:00:00Z',
      toUserId: 'carla',
    });
    await settle();
    http.expectOne('/api/sessions/s1/messages').flush([fromProctor()]);
    await settle();
    http.expectOne('/api/sessions/s1/messages/receipts').flush({ recorded: 1 });
    await settle();
    expect(textOf(fixture, 'message-banner-text')).toBe('<img src=x onerror=alert(1)> Please check your camera.');
    expect(fixture.nativeElement.querySelector('img')).toBeNull();
    expect(document.activeElement).toBe(question);
    expect(textOf(fixture, 'messages-unread')).toBe('1 unread');

    byTestId(fixture, 'message-banner-dismiss').click();
    await settle();
    const receipt = http.expectOne('/api/sessions/s1/messages/receipts');
    expect(receipt.request.body).toEqual({ messageIds: ['m1'], receipt: 'read' });
    receipt.flush({ recorded: 2 });
    await settle();
    expect(queryTestId(fixture, 'message-banner')).toBeNull();
    expect(queryTestId(fixture, 'messages-unread')).toBeNull();
  });

  it('asks the proctor and shows the question once, with its receipt', async () => {
    typeInto(fixture, 'ask-input', 'May I have paper?');
    byTestId(fixture, 'ask-send').click();
    await settle();
    const sent = http.expectOne('/api/sessions/s1/messages/to-staff');
    expect(sent.request.body).toEqual({ body: 'May I have paper?' });
    sent.flush(
      fromProctor({ senderRole: 'candidate', senderId: 'carla', senderName: 'Carla', body: 'May I have paper?' }),
    );
    await settle();
    expect(textOf(fixture, 'exam-message-body')).toBe('May I have paper?');
    expect(textOf(fixture, 'exam-message-receipt')).toBe('· Sent');
  });
});
