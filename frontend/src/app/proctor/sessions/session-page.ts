import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AssessmentView,
  AttemptStatus,
  Events,
  LiveParticipantView,
  MessageView,
  SessionStatus,
  SessionView,
} from '@invigil/contracts';
import { sessionIsEditable, sessionTransitions } from '@invigil/domain';
import { SocketService } from '../../realtime/socket-service';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { sessionStatusLabel } from '../../shared/status-labels';
import { ActivityFeed } from '../live/activity-feed';
import { BroadcastForm } from '../live/broadcast-form';
import {
  ActivityEntry,
  describeParticipantChange,
  mergeSnapshot,
  newestActivityFirst,
  prependActivity,
  removeParticipant,
  toLiveParticipant,
  upsertParticipant,
} from '../live/live-roster';
import { LiveRosterTable } from '../live/live-roster-table';
import { LiveDashboard } from '../live/dashboard/live-dashboard';
import { LiveSessionApi } from '../live/live-session-api';
import { AssessmentsApi } from '../assessments/assessments-api';
import { SessionAttempts } from '../live/session-attempts';
import { EmergencyControls } from './emergency/emergency-controls';
import { SessionNotices } from './emergency/session-notices';
import { ChatThread } from '../chat/chat-thread';
import { SessionHands } from '../chat/session-hands';
import { TimeUpdate } from '../chat/time-update';
import { SessionForm } from './session-form';
import { SessionSettingsSummary } from './session-settings-summary';
import { AlertsPanel } from '../security/alerts-panel';
import { IdentityChecksPanel } from '../security/identity-checks-panel';
import { SnapshotsPanel } from '../security/snapshots-panel';
import { RecordPanel } from '../record/record-panel';
import { IncidentsPanel } from '../incidents/incidents-panel';
import { SessionCommand, SessionsApi } from './sessions-api';

/** The lifecycle buttons: each is shown enabled only when the domain's state machine allows it. */
const COMMAND_TARGETS: Record<SessionCommand, SessionStatus> = {
  start: SessionStatus.InProgress,
  pause: SessionStatus.Paused,
  resume: SessionStatus.InProgress,
  end: SessionStatus.Ended,
  cancel: SessionStatus.Cancelled,
};

/** Lifecycle events that change the session's header: each reloads the session. */
const LIFECYCLE_EVENTS = [
  Events.sessionPaused,
  Events.sessionResumed,
  Events.sessionEnded,
  Events.sessionCancelled,
  Events.sessionRescheduled,
  Events.sessionEnding,
  Events.sessionUpdated,
] as const;

/** One session, live: roster and activity follow socket events without a reload. */
@Component({
  selector: 'app-session-page',
  imports: [
    FormError,
    LiveRosterTable,
    LiveDashboard,
    ActivityFeed,
    BroadcastForm,
    SessionForm,
    SessionSettingsSummary,
    RouterLink,
    AlertsPanel,
    IdentityChecksPanel,
    SnapshotsPanel,
    RecordPanel,
    EmergencyControls,
    SessionNotices,
    IncidentsPanel,
    ChatThread,
    TimeUpdate,
  ],
  providers: [SessionAttempts, SessionHands],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-page.html',
})
export class SessionPage implements OnInit {
  private readonly sessionsApi = inject(SessionsApi);
  private readonly liveApi = inject(LiveSessionApi);
  private readonly assessmentsApi = inject(AssessmentsApi);
  private readonly socket = inject(SocketService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly attempts = inject(SessionAttempts);
  protected readonly hands = inject(SessionHands);
  /** The candidate whose chat thread is open. */
  protected readonly chatWith = signal<LiveParticipantView | null>(null);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly session = signal<SessionView | null>(null);
  protected readonly participants = signal<LiveParticipantView[]>([]);
  protected readonly activity = signal<ActivityEntry[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly starting = signal(false);
  /** The command in flight, if any. */
  protected readonly pending = signal<SessionCommand | null>(null);
  protected readonly editing = signal(false);
  protected readonly confirmingCancel = signal(false);
  protected readonly assessments = signal<AssessmentView[]>([]);
  protected readonly live = this.socket.connected;
  protected readonly canStart = computed(() => this.allowed('start') && !this.starting());
  protected readonly canEdit = computed(() => {
    const session = this.session();
    return session !== null && sessionIsEditable(session.status);
  });
  // Pause all, the live reschedule and End Session ask first: they are in EmergencyControls.
  protected readonly commands: { id: Exclude<SessionCommand, 'start'>; label: string; testId: string }[] = [
    { id: 'resume', label: 'Resume', testId: 'session-resume' },
    { id: 'cancel', label: 'Cancel session', testId: 'session-cancel' },
  ];
  /** Candidates still writing (attempt open, clock running): End Session's confirmation names them. */
  protected readonly writing = computed(
    () =>
      [...this.attempts.byUser().values()].filter(
        ({ summary }) => summary.status === AttemptStatus.InProgress && !summary.paused,
      ).length,
  );
  protected readonly statusLabel = sessionStatusLabel;

  ngOnInit(): void {
    const sessionId = this.id();
    this.attempts.follow(sessionId);
    this.hands.follow(sessionId);
    // Every confirmed watch (also after a reconnect) reloads, to pick up whatever happened meanwhile.
    this.socket
      .watchSession(sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load());
    this.socket
      .on(Events.liveParticipantUpdated, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data, occurredAt }) =>
        data.removed
          ? this.participants.update((rows) => removeParticipant(rows, data.participantId))
          : this.applyParticipant(toLiveParticipant(data), occurredAt),
      );
    this.socket
      .on(Events.sessionStarted, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => {
        this.session.update((s) => (s ? { ...s, status: SessionStatus.InProgress, startedAt: data.startedAt } : s));
        this.log(data.startedAt, 'Session started');
      });
    for (const subject of LIFECYCLE_EVENTS) {
      this.socket
        .on(subject, sessionId)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe(() => void this.reloadSession());
    }
    this.socket
      .on(Events.messageSent, sessionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(({ data }) => this.log(data.sentAt, `${data.senderName}: ${data.body}`));
    void this.load();
  }

  protected async start(): Promise<void> {
    this.starting.set(true);
    try {
      await this.run('start');
    } finally {
      this.starting.set(false);
    }
  }

  /** Whether the state machine allows this command from the current status. */
  protected allowed(command: SessionCommand): boolean {
    const session = this.session();
    if (session === null || this.pending() !== null) return false;
    // Start and resume both lead to "in progress": resume is the way back from a pause, start the first time.
    if (command === 'resume' && session.status !== SessionStatus.Paused) return false;
    if (command === 'start' && session.status === SessionStatus.Paused) return false;
    return sessionTransitions[session.status].includes(COMMAND_TARGETS[command]);
  }

  protected async run(command: SessionCommand): Promise<void> {
    // Cancelling is final: the first click asks, the confirm button does it.
    if (command === 'cancel' && !this.confirmingCancel()) {
      this.confirmingCancel.set(true);
      return;
    }
    this.confirmingCancel.set(false);
    this.pending.set(command);
    this.error.set(null);
    try {
      this.session.set(await this.sessionsApi.command(this.id(), command));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.pending.set(null);
    }
  }

  protected async toggleEditing(): Promise<void> {
    if (this.editing()) {
      this.editing.set(false);
      return;
    }
    try {
      this.assessments.set(await this.assessmentsApi.list());
      this.editing.set(true);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  protected onSaved(session: SessionView): void {
    this.session.set(session);
    this.editing.set(false);
  }

  private async reloadSession(): Promise<void> {
    try {
      this.session.set(await this.sessionsApi.get(this.id()));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  protected onBroadcastSent(message: MessageView): void {
    // The messageSent push adds it to the feed; nothing else to do unless the socket is down.
    if (!this.live()) this.log(message.sentAt, `${message.senderName}: ${message.body}`);
  }

  private async load(): Promise<void> {
    try {
      const [session, live] = await Promise.all([this.sessionsApi.get(this.id()), this.liveApi.snapshot(this.id())]);
      this.session.set(session);
      // Attempts exist once the session has started.
      if (session.startedAt) void this.attempts.reload();
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
