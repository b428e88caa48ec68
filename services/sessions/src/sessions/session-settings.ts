import type { SessionSettingsBody } from '@invigil/contracts';
import { Requests, Role, StartMode, DEFAULT_TIME_WARNING_MINUTES } from '@invigil/contracts';
import { normalizeEnrollmentCode, ZonedTimeError, zonedLocalTimeToUtc } from '@invigil/domain';
import type { RpcClient } from '@invigil/server-platform';
import { RemoteCallError, RpcError } from '@invigil/server-platform';
import { RpcErrorCode } from '@invigil/contracts';
import type { ProctoredSession } from './proctored-session.entity';

/** The settings as stored: the local time is now a UTC instant, optional values are explicit. */
export interface ResolvedSettings {
  name: string;
  assessmentId: string;
  proctorId: string;
  /** Normalised, or null to have one generated. */
  typedCode: string | null;
  startMode: StartMode;
  scheduledAt: Date | null;
  timeZone: string;
  durationMinutes: number;
  enrollmentMode: ProctoredSession['enrollmentMode'];
  maxUsers: number | null;
  lateEntry: boolean;
  lateEntryMinutes: number | null;
  timeLimitMode: ProctoredSession['timeLimitMode'];
  gracePeriodSeconds: number;
  timeWarningMinutes: number[];
  browserLockdown: boolean;
  screenMonitoring: boolean;
  identityVerification: boolean;
  snapshotIntervalSeconds: number;
  sebConfigKeys: string[];
}

/** Field errors are reported like the validation pipe's: `settings.<field>: <reason>`. */
export function settingsError(field: string, reason: string): RpcError {
  return RpcError.invalid(`settings.${field}: ${reason}`, [`settings.${field}: ${reason}`]);
}

/**
 * Turns a validated body into stored values. The scheduled start is read in the proctor's time
 * zone and must lie in the future (`now`); a flexible start keeps no time.
 */
export function resolveSettings(body: SessionSettingsBody, actorId: string, now: Date): ResolvedSettings {
  let scheduledAt: Date | null = null;
  if (body.startMode === StartMode.Scheduled) {
    try {
      scheduledAt = zonedLocalTimeToUtc(body.scheduledLocalTime ?? '', body.timeZone);
    } catch (error) {
      if (error instanceof ZonedTimeError) throw settingsError(error.field, error.message);
      throw error;
    }
    if (scheduledAt.getTime() <= now.getTime()) {
      throw settingsError(
        'scheduledLocalTime',
        `${body.scheduledLocalTime} in ${body.timeZone} is in the past; choose a time in the future`,
      );
    }
  } else {
    try {
      zonedLocalTimeToUtc('2000-01-01T00:00', body.timeZone);
    } catch (error) {
      if (error instanceof ZonedTimeError) throw settingsError(error.field, error.message);
      throw error;
    }
  }
  return {
    name: body.name.trim(),
    assessmentId: body.assessmentId,
    proctorId: body.proctorId ?? actorId,
    typedCode: body.enrollmentCode ? normalizeEnrollmentCode(body.enrollmentCode) : null,
    startMode: body.startMode,
    scheduledAt,
    timeZone: body.timeZone,
    durationMinutes: body.durationMinutes,
    enrollmentMode: body.enrollmentMode,
    maxUsers: body.maxUsers ?? null,
    lateEntry: body.lateEntry,
    lateEntryMinutes: body.lateEntry ? (body.lateEntryMinutes ?? null) : null,
    timeLimitMode: body.timeLimitMode,
    gracePeriodSeconds: body.gracePeriodSeconds ?? 0,
    // Largest first, each once: the order the candidate meets them.
    timeWarningMinutes: [...new Set(body.timeWarningMinutes ?? DEFAULT_TIME_WARNING_MINUTES)].sort((a, b) => b - a),
    browserLockdown: body.security.browserLockdown,
    screenMonitoring: body.security.screenMonitoring,
    identityVerification: body.security.identityVerification,
    snapshotIntervalSeconds: body.security.snapshotIntervalSeconds ?? 15,
    sebConfigKeys: [...new Set((body.security.safeExamBrowserConfigKeys ?? []).map((key) => key.toLowerCase()))],
  };
}

/** The entity columns the settings decide (not the code, the status or the pinned version). */
export function settingsColumns(settings: ResolvedSettings) {
  return {
    name: settings.name,
    proctorId: settings.proctorId,
    startMode: settings.startMode,
    scheduledAt: settings.scheduledAt,
    timeZone: settings.timeZone,
    durationMinutes: settings.durationMinutes,
    enrollmentMode: settings.enrollmentMode,
    maxUsers: settings.maxUsers,
    lateEntry: settings.lateEntry,
    lateEntryMinutes: settings.lateEntryMinutes,
    timeLimitMode: settings.timeLimitMode,
    gracePeriodSeconds: settings.gracePeriodSeconds,
    timeWarningMinutes: settings.timeWarningMinutes,
    browserLockdown: settings.browserLockdown,
    screenMonitoring: settings.screenMonitoring,
    identityVerification: settings.identityVerification,
    snapshotIntervalSeconds: settings.snapshotIntervalSeconds,
    sebConfigKeys: settings.sebConfigKeys,
  };
}

export function applySettings(session: ProctoredSession, settings: ResolvedSettings): void {
  Object.assign(session, settingsColumns(settings));
}

const STAFF_ROLES: readonly Role[] = [Role.Proctor, Role.Admin];

/** The supervising proctor must be a proctor or admin of the organization: the enrollment service knows. */
export async function assertIsProctor(rpc: RpcClient, orgId: string, proctorId: string): Promise<void> {
  try {
    const user = await rpc.request(Requests.getUser, { orgId, userId: proctorId });
    if (!STAFF_ROLES.includes(user.role)) {
      throw settingsError(
        'proctorId',
        `${user.displayName} is a ${user.role} of your organization, not a proctor; choose a proctor or an admin`,
      );
    }
  } catch (error) {
    if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
      throw settingsError('proctorId', `No user ${proctorId} in your organization; choose one of its proctors`);
    }
    throw error;
  }
}
