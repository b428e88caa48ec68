import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CertificateStatus, ResultView } from '@invigil/contracts';
import { formatVerificationCode, provisionalResultText } from '@invigil/domain';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { formatPercent } from '../../shared/status-labels';
import { ExamApi } from '../exam-api';
import { ExamResultQuestions } from './exam-result-questions';

@Component({
  selector: 'app-exam-result',
  imports: [ExamResultQuestions, FormError, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-result.html',
})
export class ExamResult {
  private readonly api = inject(ExamApi);

  readonly result = input.required<ResultView | null>();

  protected readonly certificateStatus = CertificateStatus;
  protected readonly percent = formatPercent;
  protected readonly provisional = (answers: number) => capitalise(provisionalResultText(answers));
  protected readonly grouped = formatVerificationCode;
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

  protected async downloadCredential(result: ResultView): Promise<void> {
    if (!result.certificate) return;
    this.error.set(null);
    try {
      saveBlob(await this.api.certificateCredential(result.certificate.id), 'certificate-credential.json');
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
