import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { ReopenAttemptBody } from '@invigil/contracts';

/** The proctor's reason and the minutes the candidate gets back, within the limits the server enforces too. */
export function reopenProblem(reason: string, minutes: number): string | null {
  const length = reason.trim().length;
  if (length < 3 || length > 500) return 'Give a reason of 3 to 500 characters.';
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) return 'Give 1 to 600 whole minutes.';
  return null;
}

/** Asks why an attempt is reopened and how many minutes the candidate gets back. */
@Component({
  selector: 'app-reopen-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reopen-dialog.html',
})
export class ReopenDialog {
  readonly name = input.required<string>();
  readonly busy = input(false);
  /** What the server refused, shown inside the dialog so the proctor can correct and retry. */
  readonly error = input<string | null>(null);
  readonly confirmed = output<ReopenAttemptBody>();
  readonly cancelled = output<void>();

  protected readonly reason = signal('');
  protected readonly minutes = signal(10);
  protected readonly problem = computed(() => reopenProblem(this.reason(), this.minutes()));

  protected readText(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected readNumber(event: Event): number {
    return (event.target as HTMLInputElement).valueAsNumber;
  }

  protected confirm(): void {
    if (this.problem()) return;
    this.confirmed.emit({ reason: this.reason().trim(), minutes: this.minutes() });
  }
}
