import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import {
  AttemptProgressView,
  AttemptSummaryView,
  RecordEntryView,
  RecordKind,
  SignalView,
  SnapshotView,
} from '@invigil/contracts';
import { formatDuration } from '@invigil/domain';
import { signalSeverity } from '@invigil/domain';
import { participantStatusLabel } from '../../../shared/status-labels';
import { NO_FILTERS, detailLine, RECORD_KIND_LABELS } from '../../record/record-format';
import { RecordApi } from '../../record/record-api';
import { SecurityReviewApi } from '../../security/security-review-api';
import { ChatThread } from '../../chat/chat-thread';
import { AttemptControls } from '../attempt-controls';
import { AttemptsApi } from '../attempts-api';
import { TimedAttempt } from '../attempt-clock';
import { connectivityText, SEVERITY_LABELS, timeText } from './dashboard-format';
import { DashboardRow, progressPercent } from './dashboard-rules';

/** Most record entries the drawer lists; the record panel pages through the rest. */
const RECORD_LIMIT = 50;

/**
 * One candidate up close: progress and time, the clock controls, their alerts and snapshots over
 * time, their chat thread, and their part of the session record. Escape or Close shuts it.
 */
@Component({
  selector: 'app-candidate-drawer',
  imports: [AttemptControls, ChatThread],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './candidate-drawer.html',
  host: { '(document:keydown.escape)': 'closed.emit()' },
})
export class CandidateDrawer {
  private readonly security = inject(SecurityReviewApi);
  private readonly record = inject(RecordApi);
  private readonly attempts = inject(AttemptsApi);

  readonly sessionId = input.required<string>();
  readonly row = input.required<DashboardRow>();
  readonly attempt = input<TimedAttempt | null>(null);
  readonly now = input(0);
  readonly attemptChanged = output<AttemptSummaryView>();
  readonly closed = output<void>();

  protected readonly progress = signal<AttemptProgressView | null>(null);
  protected readonly alerts = signal<SignalView[]>([]);
  protected readonly snapshots = signal<SnapshotView[]>([]);
  protected readonly entries = signal<RecordEntryView[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly statusLabel = participantStatusLabel;
  protected readonly percent = progressPercent;
  protected readonly severity = (kind: string) => SEVERITY_LABELS[signalSeverity(kind)];
  protected readonly detail = detailLine;
  protected readonly kindLabel = (kind: RecordKind) => RECORD_KIND_LABELS[kind] ?? kind;
  protected readonly duration = (seconds: number) => (seconds > 0 ? formatDuration(seconds) : '—');
  protected readonly connectivity = () => connectivityText(this.row().live, this.now());
  protected readonly time = () => timeText(this.row().live, this.attempt() ?? undefined, this.now());

  constructor() {
    // Loaded when the drawer opens on someone, and again when their row's delta says something moved.
    effect(() => {
      const { userId, alertCount, answeredCount, flaggedCount, status } = this.row().live;
      void this.load(userId, [alertCount, answeredCount, flaggedCount, status].join());
    });
  }

  private async load(userId: string, _version: string): Promise<void> {
    const sessionId = this.sessionId();
    // Before the candidate starts there is no attempt: the progress section says so instead.
    this.attempts.progress(sessionId, userId).then(
      (progress) => this.progress.set(progress),
      () => this.progress.set(null),
    );
    try {
      const [signals, snapshots, page] = await Promise.all([
        this.security.listSignals(sessionId),
        this.security.listSnapshots(sessionId),
        this.record.page(sessionId, { ...NO_FILTERS, userId }, null, RECORD_LIMIT),
      ]);
      this.alerts.set(signals.filter((signal) => signal.userId === userId));
      this.snapshots.set(snapshots.filter((snapshot) => snapshot.userId === userId));
      this.entries.set(page.entries);
      this.loadError.set(null);
    } catch {
      this.loadError.set("Some of this candidate's details could not be loaded; they appear on the next change.");
    }
  }
}
