import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SessionResultsQuery, SessionResultsView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { formatPercent } from '../../shared/status-labels';
import { ReleaseSettingsForm } from './release-settings-form';
import { ResultsApi } from './results-api';
import { outcomeLabel, releaseStateText, reviewLabel } from './results-format';

/**
 * A session's results for its staff: the release (settings and the Release button), the table with its
 * pass/fail and review-state filters, and the CSV and XLSX exports of what the filters show.
 */
@Component({
  selector: 'app-results-page',
  imports: [DatePipe, FormError, RouterLink, ReleaseSettingsForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './results-page.html',
})
export class ResultsPage {
  private readonly api = inject(ResultsApi);

  readonly id = input.required<string>();

  protected readonly view = signal<SessionResultsView | null>(null);
  protected readonly filters = signal<SessionResultsQuery>({});
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly releaseMessage = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly percent = formatPercent;
  protected readonly reviewLabel = reviewLabel;
  protected readonly outcomeLabel = outcomeLabel;
  protected readonly releaseStateText = releaseStateText;

  constructor() {
    effect(() => void this.load(this.id(), this.filters()));
  }

  protected filterOutcome(value: string): void {
    this.filters.update((f) => ({ ...f, outcome: value === 'passed' || value === 'failed' ? value : undefined }));
  }

  protected filterReview(value: string): void {
    this.filters.update((f) => ({ ...f, review: value === 'final' || value === 'provisional' ? value : undefined }));
  }

  protected reload(): void {
    void this.load(this.id(), this.filters());
  }

  protected async release(): Promise<void> {
    await this.run(async () => {
      this.releaseMessage.set((await this.api.release(this.id())).message);
      await this.load(this.id(), this.filters());
    });
  }

  protected async download(format: 'csv' | 'xlsx'): Promise<void> {
    await this.run(async () =>
      saveBlob(await this.api.export(this.id(), format, this.filters()), `results-${this.id()}.${format}`),
    );
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(sessionId: string, filters: SessionResultsQuery): Promise<void> {
    try {
      this.view.set(await this.api.results(sessionId, filters));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
