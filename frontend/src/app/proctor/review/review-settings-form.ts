import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import type { ReviewSettingsView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { ReviewApi } from './review-api';

/** Whether the session's essays are double marked, and how far apart two marks may be before moderation. */
@Component({
  selector: 'app-review-settings-form',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-settings-form.html',
})
export class ReviewSettingsForm {
  private readonly api = inject(ReviewApi);

  readonly sessionId = input.required<string>();
  readonly settings = input.required<ReviewSettingsView>();
  readonly saved = output();

  protected readonly doubleMarking = signal(false);
  protected readonly threshold = signal('20');
  protected readonly saving = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);

  constructor() {
    effect(() => {
      const settings = this.settings();
      this.doubleMarking.set(settings.doubleMarking);
      this.threshold.set(String(settings.moderationThresholdPercent));
    });
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      const typed = this.threshold().trim();
      const settings = await this.api.updateSettings(this.sessionId(), {
        doubleMarking: this.doubleMarking(),
        moderationThresholdPercent: typed === '' ? Number.NaN : Number(typed),
      });
      this.notice.set(
        settings.doubleMarking
          ? `Essays are double marked; marks more than ${settings.moderationThresholdPercent}% apart go to a moderator.`
          : 'Essays are marked once.',
      );
      this.saved.emit();
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
