import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { CertificateStatus, ResultView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { formatPercent } from '../../shared/status-labels';
import { ExamApi } from '../exam-api';

@Component({
  selector: 'app-exam-result',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (result(); as result) {
      <section class="card" data-testid="exam-result" aria-labelledby="result-heading">
        <h2 id="result-heading">Your result</h2>
        <p class="score">
          <strong data-testid="exam-result-score">{{ percent(result.percent) }}</strong>
          <span class="muted">({{ result.score }} of {{ result.maxScore }} points)</span>
          @if (result.awaitingReview) {
            <span class="chip" data-status="pending" data-testid="exam-result-review">Awaiting review</span>
          } @else {
            <span class="chip" [attr.data-status]="result.passed ? 'passed' : 'failed'">
              {{ result.passed ? 'Passed' : 'Not passed' }}
            </span>
          }
        </p>
        @if (result.awaitingReview) {
          <p class="muted">
            {{ result.pendingReview }} {{ result.pendingReview === 1 ? 'point' : 'points' }} of written answers await a
            reviewer; your score is provisional until then.
          </p>
        }
        @switch (result.certificate?.status) {
          @case (certificateStatus.Ready) {
            <button
              type="button"
              class="primary"
              [disabled]="downloading()"
              (click)="download(result)"
              data-testid="certificate-download"
            >
              {{ downloading() ? 'Downloading…' : 'Download certificate (PDF)' }}
            </button>
          }
          @case (certificateStatus.Pending) {
            <p class="muted" role="status">Your certificate is being prepared…</p>
          }
          @case (certificateStatus.Failed) {
            <p class="notice">Your certificate could not be created. Please contact your proctor.</p>
          }
        }
        <app-form-error [error]="error()" testId="certificate-error" />
      </section>
    } @else {
      <p class="card" role="status">Your answers are submitted. Your score appears here as soon as it is ready…</p>
    }
  `,
})
export class ExamResult {
  private readonly api = inject(ExamApi);

  readonly result = input.required<ResultView | null>();

  protected readonly certificateStatus = CertificateStatus;
  protected readonly percent = formatPercent;
  protected readonly downloading = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);

  protected async download(result: ResultView): Promise<void> {
    if (!result.certificate) return;
    this.downloading.set(true);
    this.error.set(null);
    try {
      // Fetched through HttpClient so the request carries the bearer token a plain link would not.
      saveBlob(await this.api.certificatePdf(result.certificate.id), 'certificate.pdf');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
