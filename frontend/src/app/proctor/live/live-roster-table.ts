import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AttemptSummaryView, LiveParticipantView } from '@invigil/contracts';
import { formatPercent, participantStatusLabel } from '../../shared/status-labels';
import { AttemptControls } from './attempt-controls';
import { TimedAttempt } from './attempt-clock';

/**
 * The session page's live view of the roster: who joined, their progress and score, and each attempt's clock.
 * Editing the roster (adding, importing, removing people) is the roster page's job, in `../roster/`.
 */
@Component({
  selector: 'app-live-roster-table',
  imports: [AttemptControls],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-roster-table.html',
})
export class LiveRosterTable {
  readonly participants = input.required<LiveParticipantView[]>();
  /** userId → the candidate's attempt clock, for those who started. */
  readonly attempts = input<ReadonlyMap<string, TimedAttempt>>(new Map());
  readonly now = input(0);
  readonly attemptChanged = output<AttemptSummaryView>();
  /** User ids with a raised hand. */
  readonly hands = input<ReadonlySet<string>>(new Set());
  /** "Message" on a row: open that candidate's chat thread. */
  readonly openChat = output<LiveParticipantView>();
  protected readonly statusLabel = participantStatusLabel;
  protected readonly percent = formatPercent;
}
