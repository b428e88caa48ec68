import type { SessionSettingsBody, SessionView } from '@invigil/contracts';
import { EnrollmentMode, StartMode, TimeLimitMode } from '@invigil/contracts';
import { utcToZonedLocalTime } from '@invigil/domain';

/** The New Session form's values, as plain strings and booleans the inputs hold. */
export interface SessionFormValue {
  name: string;
  assessmentId: string;
  proctorId: string;
  enrollmentCode: string;
  startMode: StartMode;
  scheduledLocalTime: string;
  timeZone: string;
  durationMinutes: number | string;
  enrollmentMode: EnrollmentMode;
  maxUsers: number | string | null;
  lateEntry: boolean;
  lateEntryMinutes: number | string | null;
  timeLimitMode: TimeLimitMode;
  gracePeriodSeconds: number | string | null;
  /** Minutes before each candidate's deadline, comma separated ("10, 5, 1"); empty: the default. */
  timeWarningMinutes: string;
  browserLockdown: boolean;
  screenMonitoring: boolean;
  identityVerification: boolean;
  /** Empty: the default (15 s). */
  snapshotIntervalSeconds: number | string | null;
  /** Safe Exam Browser Config Keys, one per line; empty: Safe Exam Browser is not required. */
  safeExamBrowserConfigKeys: string;
}

/** The browser's own IANA zone: the default of the time zone select. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the browser knows, the browser's own (and the one given) always included. */
export function timeZoneChoices(...extra: string[]): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const known = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', browserTimeZone(), ...extra.filter(Boolean)])].sort();
}

/** The defaults: flexible start, auto enrollment, no limit, no late entry, session-wide limit, security off. */
export function defaultFormValue(): SessionFormValue {
  return {
    name: '',
    assessmentId: '',
    proctorId: '',
    enrollmentCode: '',
    startMode: StartMode.Flexible,
    scheduledLocalTime: '',
    timeZone: browserTimeZone(),
    durationMinutes: 60,
    enrollmentMode: EnrollmentMode.Auto,
    maxUsers: null,
    lateEntry: false,
    lateEntryMinutes: null,
    timeLimitMode: TimeLimitMode.SessionWide,
    gracePeriodSeconds: null,
    timeWarningMinutes: '',
    browserLockdown: false,
    screenMonitoring: false,
    identityVerification: false,
    snapshotIntervalSeconds: null,
    safeExamBrowserConfigKeys: '',
  };
}

/** An existing session as form values (for editing and rescheduling): its start shown in its own zone. */
export function formValueOf(session: SessionView): SessionFormValue {
  return {
    name: session.name,
    assessmentId: session.assessmentId,
    proctorId: session.proctorId,
    enrollmentCode: session.enrollmentCode,
    startMode: session.startMode,
    scheduledLocalTime: session.scheduledAt ? utcToZonedLocalTime(new Date(session.scheduledAt), session.timeZone) : '',
    timeZone: session.timeZone,
    durationMinutes: session.durationMinutes,
    enrollmentMode: session.enrollmentMode,
    maxUsers: session.maxUsers,
    lateEntry: session.lateEntry,
    lateEntryMinutes: session.lateEntryMinutes,
    timeLimitMode: session.timeLimitMode,
    gracePeriodSeconds: session.gracePeriodSeconds,
    timeWarningMinutes: (session.timeWarningMinutes ?? []).join(', '),
    browserLockdown: session.security.browserLockdown,
    screenMonitoring: session.security.screenMonitoring,
    identityVerification: session.security.identityVerification,
    snapshotIntervalSeconds: session.security.snapshotIntervalSeconds ?? null,
    safeExamBrowserConfigKeys: (session.security.safeExamBrowserConfigKeys ?? []).join('\n'),
  };
}

/** Empty inputs are left out (the server then applies its default or generates a code). */
export function toSettingsBody(value: SessionFormValue): SessionSettingsBody {
  const optionalNumber = (raw: number | string | null): number | undefined =>
    raw === null || raw === '' ? undefined : Number(raw);
  const code = value.enrollmentCode.trim();
  const body: SessionSettingsBody = {
    name: value.name,
    assessmentId: value.assessmentId,
    startMode: value.startMode,
    timeZone: value.timeZone,
    durationMinutes: Number(value.durationMinutes),
    enrollmentMode: value.enrollmentMode,
    lateEntry: value.lateEntry,
    timeLimitMode: value.timeLimitMode,
    security: {
      browserLockdown: value.browserLockdown,
      screenMonitoring: value.screenMonitoring,
      identityVerification: value.identityVerification,
    },
  };
  const interval = optionalNumber(value.snapshotIntervalSeconds);
  if (value.screenMonitoring && interval !== undefined) body.security.snapshotIntervalSeconds = interval;
  const configKeys = configKeysOf(value.safeExamBrowserConfigKeys);
  if (configKeys.length) body.security.safeExamBrowserConfigKeys = configKeys;
  if (value.proctorId.trim()) body.proctorId = value.proctorId.trim();
  if (code) body.enrollmentCode = code;
  if (value.startMode === StartMode.Scheduled) body.scheduledLocalTime = value.scheduledLocalTime;
  const maxUsers = optionalNumber(value.maxUsers);
  if (maxUsers !== undefined) body.maxUsers = maxUsers;
  if (value.lateEntry) body.lateEntryMinutes = optionalNumber(value.lateEntryMinutes);
  const grace = optionalNumber(value.gracePeriodSeconds);
  if (grace !== undefined) body.gracePeriodSeconds = grace;
  const warnings = value.timeWarningMinutes.trim();
  // Whatever is typed goes to the server, which names a bad entry ("must contain whole minutes").
  if (warnings)
    body.timeWarningMinutes = warnings
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
  return body;
}

/** One Config Key per line; blank lines and surrounding spaces do not count. */
export function configKeysOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Server problems by form field. The gateway reports `name: …`, the service `settings.name: …`;
 * nested security options map to their checkbox. Lines naming no known field stay general.
 */
export function fieldErrors(
  details: string[],
  fields: readonly string[],
): { byField: Record<string, string[]>; general: string[] } {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const line of details) {
    const [, field, message] = /^(?:settings\.)?(?:security\.)?([A-Za-z]+)(?:\.[\w.]*)?: (.*)$/s.exec(line) ?? [];
    if (field && message !== undefined && fields.includes(field)) (byField[field] ??= []).push(message);
    else general.push(line);
  }
  return { byField, general };
}
