import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignalKind } from '@invigil/contracts';
import { AlertSeverity, Events } from '@invigil/contracts';
import { signalSeverity } from '@invigil/domain';
import { recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { ActivityText, who } from '../live/activity-text';
import type { LiveParticipant } from '../live/live-participant.entity';
import { logActivity, touchAndAnnounce } from '../live/live-store';
import { Signal } from './signal.entity';

export interface SignalFacts {
  kind: SignalKind;
  occurredAt: Date;
  receivedAt: Date;
  detail: string | null;
}

/**
 * Stores a signal and raises its alert in the caller's transaction: the signal row, the count on
 * the live row, a line in the feed and the `alertRaised` event commit together or not at all.
 * `row` must be locked by the caller.
 */
export function raiseAlert(em: EntityManager, row: LiveParticipant, facts: SignalFacts): Signal {
  const signal = em.create(Signal, {
    id: randomUUID(),
    orgId: row.orgId,
    sessionId: row.sessionId,
    userId: row.userId,
    ...facts,
  });
  row.alertCount += 1;
  const severity = signalSeverity(facts.kind);
  if (severity === AlertSeverity.High) row.alertsHigh += 1;
  else if (severity === AlertSeverity.Medium) row.alertsMedium += 1;
  else row.alertsLow += 1;
  recordEvent(em, Events.alertRaised, {
    orgId: row.orgId,
    sessionId: row.sessionId,
    alertId: signal.id,
    userId: row.userId,
    kind: facts.kind,
    occurredAt: facts.occurredAt.toISOString(),
    detail: facts.detail,
  });
  logActivity(em, row, row.participantId, facts.receivedAt, ActivityText.alert(who(row.displayName), facts.kind));
  touchAndAnnounce(em, row, facts.receivedAt);
  return signal;
}
