import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { AssessmentView, CreateSessionBody, SessionView } from '@invigil/contracts';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { ProctorApi } from './proctor-api';

@Component({
  selector: 'app-session-form',
  imports: [ReactiveFormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-form.html',
})
export class SessionForm {
  private readonly api = inject(ProctorApi);

  readonly assessments = input.required<AssessmentView[]>();
  readonly created = output<SessionView>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: '',
    assessmentId: '',
    durationMinutes: 60,
    enrollmentCode: '',
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);

  constructor() {
    // Pre-select the newest assessment when nothing valid is chosen, e.g. right after creating one.
    effect(() => {
      const list = this.assessments();
      const chosen = this.form.controls.assessmentId;
      if (list.length && !list.some((assessment) => assessment.id === chosen.value)) {
        chosen.setValue(list[0].id);
      }
    });
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const value = this.form.getRawValue();
    const code = value.enrollmentCode.trim();
    const body: CreateSessionBody = {
      name: value.name,
      assessmentId: value.assessmentId,
      durationMinutes: Number(value.durationMinutes),
      // An empty code means "generate one": the field must then be absent, not "".
      ...(code ? { enrollmentCode: code } : {}),
    };
    try {
      this.created.emit(await this.api.createSession(body));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
