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
  template: `
    <section class="card summary" aria-label="Session settings" data-testid="session-settings">
      <dl>
        <div>
          <dt>Start</dt>
          <dd data-testid="setting-start">{{ start() }}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd data-testid="setting-time-zone">{{ session().timeZone }}</dd>
        </div>
        <div>
          <dt>Enrollment</dt>
          <dd data-testid="setting-enrollment-mode">{{ enrollment() }}</dd>
        </div>
        <div>
          <dt>Maximum users</dt>
          <dd data-testid="setting-max-users">{{ session().maxUsers ?? 'No limit' }}</dd>
        </div>
        <div>
          <dt>Late entry</dt>
          <dd data-testid="setting-late-entry">{{ lateEntry() }}</dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd data-testid="setting-time-limit">{{ timeLimit() }}</dd>
        </div>
        <div>
          <dt>Security</dt>
          <dd data-testid="setting-security">{{ security() }}</dd>
        </div>
      </dl>
    </section>
  `,
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
