import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Events, LiveParticipantView, MessageView, SessionStatus, SessionView } from '@invigil/contracts';
import { SocketService } from '../realtime/socket-service';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { sessionStatusLabel } from '../shared/status-labels';
import { ActivityFeed } from './activity-feed';
import { BroadcastForm } from './broadcast-form';
import {
  ActivityEntry,
  describeParticipantChange,
  mergeSnapshot,
  newestActivityFirst,
  prependActivity,
  toLiveParticipant,
  upsertParticipant,
} from './live-roster';
import { ProctorApi } from './proctor-api';
import { RosterTable } from './roster-table';

/** Sessions in these states cannot be started (again). */
const notStartable: SessionStatus[] = [SessionStatus.InProgress, SessionStatus.Ended, SessionStatus.Cancelled];

/** One session, live: roster and activity follow socket events without a reload. */
@Component({
  selector: 'app-session-page',
  imports: [FormError, RosterTable, ActivityFeed, BroadcastForm, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-page.html',
})
export class SessionPage implements OnInit {
  private readonly api = inject(ProctorApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly session = signal<SessionView | null>(null);
  protected readonly participants = signal<LiveParticipantView[]>([]);
  protected readonly activity = signal<ActivityEntry[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly starting = signal(false);
  protected readonly live = this.socket.connected;
  protected readonly canStart = computed(() => {
    const session = this.session();
    return session !== null && !notStartable.includes(session.status) && !this.starting();
  });
  protected readonly statusLabel = sessionStatusLabel;

  ngOnInit(): void {
    const sessionId = this.id();
    // Every confirmed watch (also after a reconnect) reloads, to pick up whatever happened meanwhile.
    this.socket.watchSession(sessionId).pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => void this.load());
    this.socket
      .on(Events.liveParticipantUpdated, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data, occurredAt }) => this.applyParticipant(toLiveParticipant(data), occurredAt));
    this.socket
      .on(Events.sessionStarted, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => {
        this.session.update((s) => (s ? { ...s, status: SessionStatus.InProgress, startedAt: data.startedAt } : s));
        this.log(data.startedAt, 'Session started');
      });
    this.socket
      .on(Events.messageSent, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => this.log(data.sentAt, `${data.senderName}: ${data.body}`));
    void this.load();
  }

  protected async start(): Promise<void> {
    this.starting.set(true);
    this.error.set(null);
    try {
      this.session.set(await this.api.startSession(this.id()));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.starting.set(false);
    }
  }

  protected onBroadcastSent(message: MessageView): void {
    // The messageSent push adds it to the feed; nothing else to do unless the socket is down.
    if (!this.live()) this.log(message.sentAt, `${message.senderName}: ${message.body}`);
  }

  private async load(): Promise<void> {
    try {
      const [session, live] = await Promise.all([this.api.getSession(this.id()), this.api.getLiveSession(this.id())]);
      this.session.set(session);
      this.participants.update((rows) => mergeSnapshot(rows, live.participants));
      this.activity.set(newestActivityFirst(live.activity));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  private applyParticipant(next: LiveParticipantView, occurredAt: string): void {
    const previous = this.participants().find((row) => row.participantId === next.participantId);
    this.participants.update((rows) => upsertParticipant(rows, next));
    const change = describeParticipantChange(previous, next);
    if (change) this.log(occurredAt, change);
  }

  private log(at: string, text: string): void {
    this.activity.update((feed) => prependActivity(feed, { at, text }));
  }
}
