import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CertificateVerificationView } from '@invigil/contracts';
import { formatVerificationCode } from '@invigil/domain';
import { formatPercent } from '../shared/status-labels';

/** What a certificate states and whether it still stands; nothing else about its holder. */
@Component({
  selector: 'app-certificate-facts',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './certificate-facts.html',
})
export class CertificateFacts {
  readonly view = input.required<CertificateVerificationView>();
  protected readonly percent = formatPercent;
  protected readonly code = formatVerificationCode;
}
