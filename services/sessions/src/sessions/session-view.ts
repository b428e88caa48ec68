import type { EntityManager } from '@mikro-orm/postgresql';
import type { SecurityOptions, SessionJoiningSettings, SessionView } from '@invigil/contracts';
import type { VersionSummary } from '../assessments/version-summaries';
import { loadVersionSummaries } from '../assessments/version-summaries';
import type { ProctoredSession } from './proctored-session.entity';

export function toSessionView(
  session: ProctoredSession,
  version: Pick<VersionSummary, 'title' | 'questionCount'>,
): SessionView {
  return {
    id: session.id,
    orgId: session.orgId,
    name: session.name,
    assessmentId: session.assessmentId,
    assessmentVersionId: session.assessmentVersionId,
    assessmentTitle: version.title,
    proctorId: session.proctorId,
    enrollmentCode: session.enrollmentCode,
    startMode: session.startMode,
    scheduledAt: session.scheduledAt?.toISOString() ?? null,
    timeZone: session.timeZone,
    durationMinutes: session.durationMinutes,
    enrollmentMode: session.enrollmentMode,
    maxUsers: session.maxUsers,
    lateEntry: session.lateEntry,
    lateEntryMinutes: session.lateEntryMinutes,
    timeLimitMode: session.timeLimitMode,
    gracePeriodSeconds: session.gracePeriodSeconds,
    timeWarningMinutes: session.timeWarningMinutes,
    security: securityOf(session),
    status: session.status,
    questionCount: version.questionCount,
    startedAt: session.startedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    createdAt: session.createdAt.toISOString(),
    pauseReason: session.pauseReason,
    pauseMessage: session.pauseMessage,
    resumesAt: session.resumesAt?.toISOString() ?? null,
    graceEndsAt: session.graceEndsAt?.toISOString() ?? null,
  };
}

export function securityOf(session: ProctoredSession): SecurityOptions {
  return {
    browserLockdown: session.browserLockdown,
    screenMonitoring: session.screenMonitoring,
    identityVerification: session.identityVerification,
    snapshotIntervalSeconds: session.snapshotIntervalSeconds,
    safeExamBrowserConfigKeys: session.sebConfigKeys,
  };
}

/** What the enrollment side needs to decide who may join and when (events created / updated). */
export function joiningSettingsOf(session: ProctoredSession): SessionJoiningSettings {
  return {
    enrollmentCode: session.enrollmentCode,
    startMode: session.startMode,
    scheduledAt: session.scheduledAt?.toISOString() ?? null,
    timeZone: session.timeZone,
    durationMinutes: session.durationMinutes,
    enrollmentMode: session.enrollmentMode,
    maxUsers: session.maxUsers,
    lateEntry: session.lateEntry,
    lateEntryMinutes: session.lateEntryMinutes,
    timeLimitMode: session.timeLimitMode,
    identityVerification: session.identityVerification,
  };
}

/** Views of several sessions, loading each pinned version's title and question count once. */
export async function toSessionViews(em: EntityManager, sessions: ProctoredSession[]): Promise<SessionView[]> {
  const byOrg = new Map<string, string[]>();
  for (const session of sessions)
    byOrg.set(session.orgId, [...(byOrg.get(session.orgId) ?? []), session.assessmentVersionId]);
  const versions = new Map<string, VersionSummary>();
  for (const [orgId, versionIds] of byOrg) {
    for (const [id, summary] of await loadVersionSummaries(em, orgId, versionIds)) versions.set(id, summary);
  }
  return sessions.map((session) => {
    const version = versions.get(session.assessmentVersionId);
    // The foreign key guarantees the version exists; a miss would mean a broken database.
    if (!version)
      throw new Error(`Session ${session.id} pins a missing assessment version ${session.assessmentVersionId}`);
    return toSessionView(session, version);
  });
}

export async function toSessionViewOne(em: EntityManager, session: ProctoredSession): Promise<SessionView> {
  const [view] = await toSessionViews(em, [session]);
  // toSessionViews returns one view per session it is given.
  if (!view) throw new Error(`No view was made of session ${session.id}`);
  return view;
}
