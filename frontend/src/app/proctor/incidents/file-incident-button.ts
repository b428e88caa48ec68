import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { IncidentDesk } from './incident-desk';

/** A candidate's "File incident" in their roster row: opens the session page's incident dialog about them. */
@Component({
  selector: 'app-file-incident-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      (click)="open()"
      [attr.aria-label]="'File incident about ' + name()"
      data-testid="participant-file-incident"
    >
      File incident
    </button>
  `,
})
export class FileIncidentButton {
  private readonly desk = inject(IncidentDesk);

  readonly sessionId = input.required<string>();
  readonly userId = input.required<string>();
  readonly name = input.required<string>();

  protected open(): void {
    this.desk.open({ sessionId: this.sessionId(), userId: this.userId(), name: this.name() });
  }
}
