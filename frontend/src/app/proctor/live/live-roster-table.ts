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
  template: `
    @if (participants().length) {
      <table class="table">
        <caption class="visually-hidden">
          Participants and their progress
        </caption>
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Status</th>
            <th scope="col">Answered</th>
            <th scope="col">Score</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          @for (participant of participants(); track participant.participantId) {
            <tr [attr.data-testid]="'participant-row-' + participant.userId">
              <th scope="row">{{ participant.displayName }}</th>
              <td data-testid="participant-status">
                <span class="chip" [attr.data-status]="participant.status">{{ statusLabel(participant.status) }}</span>
              </td>
              <td data-testid="participant-answered">
                {{ participant.answeredCount }}/{{ participant.totalQuestions }}
              </td>
              <td data-testid="participant-score">{{ percent(participant.scorePercent) }}</td>
              <td>
                @if (attempts().get(participant.userId); as attempt) {
                  <app-attempt-controls
                    [sessionId]="participant.sessionId"
                    [attempt]="attempt"
                    [name]="participant.displayName"
                    [now]="now()"
                    (changed)="attemptChanged.emit($event)"
                  />
                } @else {
                  <span class="muted">—</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="muted">Nobody has joined yet. Share the enrollment code with your candidates.</p>
    }
  `,
})
export class LiveRosterTable {
  readonly participants = input.required<LiveParticipantView[]>();
  /** userId → the candidate's attempt clock, for those who started. */
  readonly attempts = input<ReadonlyMap<string, TimedAttempt>>(new Map());
  readonly now = input(0);
  readonly attemptChanged = output<AttemptSummaryView>();
  protected readonly statusLabel = participantStatusLabel;
  protected readonly percent = formatPercent;
}
