import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ImportPreview, ImportResult } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { RosterApi } from './roster-api';
import { runRosterRequest } from './roster-request';

/**
 * The Import Users wizard: download a template, upload the filled file, read the server's row-by-row
 * preview (what will be added, what is skipped and why), then confirm.
 */
@Component({
  selector: 'app-import-wizard',
  imports: [FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-wizard.html',
})
export class ImportWizard {
  private readonly api = inject(RosterApi);

  readonly sessionId = input.required<string>();
  /** An upload was committed: the roster should reload; the wizard stays open to show the result. */
  readonly imported = output<ImportResult>();
  readonly closed = output<void>();

  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly busy = signal(false);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly result = signal<ImportResult | null>(null);
  protected sendInvitation = true;

  protected async download(kind: 'csv' | 'xlsx'): Promise<void> {
    const blob = await runRosterRequest(() => this.api.template(kind), this.error, this.busy);
    if (blob) saveBlob(blob, `invigil-participants.${kind}`);
  }

  protected async upload(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.preview.set(null);
    this.result.set(null);
    const preview = await runRosterRequest(() => this.api.uploadImport(this.sessionId(), file), this.error, this.busy);
    if (preview) this.preview.set(preview);
  }

  protected async confirm(preview: ImportPreview): Promise<void> {
    const result = await runRosterRequest(
      () => this.api.commitImport(this.sessionId(), preview.uploadId, this.sendInvitation),
      this.error,
      this.busy,
    );
    if (result) {
      this.preview.set(null);
      this.result.set(result);
      this.imported.emit(result);
    }
  }
}
