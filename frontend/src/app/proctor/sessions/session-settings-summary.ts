import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EnrollmentMode, SessionView, StartMode, TimeLimitMode } from '@invigil/contracts';
import { describeStart } from './sessions-list';

const ENROLLMENT_LABELS: Record<EnrollmentMode, string> = {
  [EnrollmentMode.Auto]: 'Auto (anyone with the code)',
  [EnrollmentMode.Manual]: 'Manual (only people added)',
  [EnrollmentMode.Hybrid]: 'Hybrid (code or added)',
};

/** Every setting of one session, read-only, for the session page. */
@Component({
  selector: 'app-session-settings-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-settings-summary.html',
})
export class SessionSettingsSummary {
  readonly session = input.required<SessionView>();
  protected readonly start = computed(() => {
    const session = this.session();
    return session.startMode === StartMode.Scheduled
      ? `Scheduled: ${describeStart(session)}`
      : 'Flexible (the proctor starts it)';
  });
  protected readonly enrollment = computed(
    () => ENROLLMENT_LABELS[this.session().enrollmentMode] ?? this.session().enrollmentMode,
  );
  protected readonly lateEntry = computed(() =>
    this.session().lateEntry ? `Up to ${this.session().lateEntryMinutes} minutes after the start` : 'Not allowed',
  );
  protected readonly timeLimit = computed(() => {
    const session = this.session();
    const mode =
      session.timeLimitMode === TimeLimitMode.Individual
        ? 'Individual limits'
        : `Session-wide, ${session.durationMinutes} minutes`;
    return session.gracePeriodSeconds ? `${mode}, ${session.gracePeriodSeconds} s grace` : mode;
  });
  protected readonly security = computed(() => {
    const { browserLockdown, screenMonitoring, identityVerification } = this.session().security;
    const on = [
      browserLockdown && 'Browser lockdown',
      screenMonitoring && 'Screen monitoring',
      identityVerification && 'Identity verification',
    ].filter(Boolean);
    return on.length ? on.join(', ') : 'None';
  });
}
