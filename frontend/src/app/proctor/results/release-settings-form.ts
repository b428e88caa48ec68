import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import type { ReleaseView, ResultVisibility } from '@invigil/contracts';
import { ReleasePolicy } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { ResultsApi } from './results-api';
import { policyLabels, visibilityLabels } from './results-format';

/** When the session's results reach its candidates, and what they see of them. */
@Component({
  selector: 'app-release-settings-form',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './release-settings-form.html',
})
export class ReleaseSettingsForm {
  private readonly api = inject(ResultsApi);

  readonly sessionId = input.required<string>();
  readonly release = input.required<ReleaseView>();
  readonly saved = output();

  protected readonly policies = Object.values(ReleasePolicy).map((value) => ({ value, label: policyLabels[value] }));
  protected readonly flags = visibilityLabels;
  protected readonly policy = signal<ReleasePolicy>(ReleasePolicy.AfterReviews);
  protected readonly shown = signal<ResultVisibility>({
    score: true,
    passFail: true,
    questionCorrectness: false,
    correctAnswers: false,
    feedback: true,
  });
  protected readonly saving = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);

  constructor() {
    effect(() => {
      const release = this.release();
      this.policy.set(release.policy);
      this.shown.set({ ...release.visibility });
    });
  }

  protected setPolicy(value: string): void {
    this.policy.set(value as ReleasePolicy);
  }

  protected toggle(key: keyof ResultVisibility, checked: boolean): void {
    this.shown.update((shown) => ({ ...shown, [key]: checked }));
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      await this.api.updateSettings(this.sessionId(), { policy: this.policy(), ...this.shown() });
      this.notice.set('Release settings saved.');
      this.saved.emit();
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
