import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LiveParticipantView } from '@invigil/contracts';
import { formatPercent, participantStatusLabel } from '../shared/status-labels';

@Component({
  selector: 'app-roster-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (participants().length) {
      <table class="table">
        <caption class="visually-hidden">Participants and their progress</caption>
        <thead>
          <tr><th scope="col">Participant</th><th scope="col">Status</th><th scope="col">Answered</th><th scope="col">Score</th></tr>
        </thead>
        <tbody>
          @for (participant of participants(); track participant.participantId) {
            <tr [attr.data-testid]="'participant-row-' + participant.userId">
              <th scope="row">{{ participant.displayName }}</th>
              <td data-testid="participant-status">
                <span class="chip" [attr.data-status]="participant.status">{{ statusLabel(participant.status) }}</span>
              </td>
              <td data-testid="participant-answered">{{ participant.answeredCount }}/{{ participant.totalQuestions }}</td>
              <td data-testid="participant-score">{{ percent(participant.scorePercent) }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="muted">Nobody has joined yet. Share the enrollment code with your candidates.</p>
    }
  `,
})
export class RosterTable {
  readonly participants = input.required<LiveParticipantView[]>();
  protected readonly statusLabel = participantStatusLabel;
  protected readonly percent = formatPercent;
}
