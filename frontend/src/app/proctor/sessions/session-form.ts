import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  AssessmentView,
  EnrollmentMode,
  SessionView,
  StartMode,
  TimeLimitMode,
  UserSearchItem,
} from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { defaultFormValue, fieldErrors, formValueOf, timeZoneChoices, toSettingsBody } from './session-settings-form';
import { SessionsApi } from './sessions-api';

/** Fields that can carry an inline message (server `details` are mapped to them by path). */
export const SESSION_FORM_FIELDS = [
  'name',
  'assessmentId',
  'proctorId',
  'enrollmentCode',
  'startMode',
  'scheduledLocalTime',
  'timeZone',
  'durationMinutes',
  'enrollmentMode',
  'maxUsers',
  'lateEntry',
  'lateEntryMinutes',
  'timeLimitMode',
  'gracePeriodSeconds',
  'timeWarningMinutes',
  'browserLockdown',
  'screenMonitoring',
  'identityVerification',
  'snapshotIntervalSeconds',
  'safeExamBrowserConfigKeys',
] as const;

/** The guide's New Session form; with `existing` set it edits (and reschedules) that session instead. */
@Component({
  selector: 'app-session-form',
  imports: [ReactiveFormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-form.html',
})
export class SessionForm {
  private readonly api = inject(SessionsApi);

  readonly assessments = input.required<AssessmentView[]>();
  /** The session being edited; null for a new one. */
  readonly existing = input<SessionView | null>(null);
  readonly created = output<SessionView>();
  readonly saved = output<SessionView>();

  protected readonly form = inject(NonNullableFormBuilder).group(defaultFormValue());
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly problems = signal<Record<string, string[]>>({});
  /** Proctors and admins of the organization, for the Proctor picker; empty until loaded. */
  protected readonly supervisors = signal<UserSearchItem[]>([]);
  protected readonly timeZones = computed(() => timeZoneChoices(this.existing()?.timeZone ?? ''));
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly scheduled = computed(() => this.value().startMode === StartMode.Scheduled);
  protected readonly lateEntry = computed(() => this.value().lateEntry === true);
  protected readonly screenMonitoring = computed(() => this.value().screenMonitoring === true);
  protected readonly StartMode = StartMode;
  protected readonly EnrollmentMode = EnrollmentMode;
  protected readonly TimeLimitMode = TimeLimitMode;

  constructor() {
    // The picker is a convenience: if the list cannot load, "Me" still works.
    this.api.supervisors().then(
      (people) => this.supervisors.set(people),
      () => this.supervisors.set([]),
    );
    effect(() => {
      const session = this.existing();
      if (session) this.form.setValue(formValueOf(session));
    });
    // Pre-select the newest assessment when nothing valid is chosen, e.g. right after creating one.
    effect(() => {
      const list = this.assessments();
      const chosen = this.form.controls.assessmentId;
      const newest = list[0];
      if (!this.existing() && newest && !list.some((assessment) => assessment.id === chosen.value)) {
        chosen.setValue(newest.id);
      }
    });
  }

  protected problemsOf(field: string): string[] {
    return this.problems()[field] ?? [];
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.problems.set({});
    const body = toSettingsBody(this.form.getRawValue());
    try {
      const existing = this.existing();
      if (existing) this.saved.emit(await this.api.update(existing.id, body));
      else this.created.emit(await this.api.create(body));
    } catch (error) {
      const shown = toDisplayedError(error);
      const { byField, general } = fieldErrors(shown.details, SESSION_FORM_FIELDS);
      this.problems.set(byField);
      this.error.set({ message: shown.message, details: general });
    } finally {
      this.busy.set(false);
    }
  }
}
