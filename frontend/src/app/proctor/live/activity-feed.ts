import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ActivityEntry } from './live-roster';

@Component({
  selector: 'app-activity-feed',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="feed" data-testid="activity-feed" aria-live="polite">
      @for (entry of entries(); track $index) {
        <li>
          <time [attr.datetime]="entry.at">{{ entry.at | date: 'HH:mm:ss' }}</time> {{ entry.text }}
        </li>
      } @empty {
        <li class="muted">No activity yet.</li>
      }
    </ol>
  `,
})
export class ActivityFeed {
  /** Newest first. */
  readonly entries = input.required<ActivityEntry[]>();
}
