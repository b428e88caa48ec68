import type { RecordActor } from '@invigil/contracts';

/** The platform itself: a scheduled start, an alert, a status the rules moved, a disconnection seen. */
export const SYSTEM: RecordActor = { type: 'system', userId: null, role: 'system' };

/** A candidate's deadline (plus grace) ran out: the platform ended the attempt. */
export const DEADLINE: RecordActor = { type: 'deadline', userId: null, role: 'system' };

/**
 * A staff action. The id is null when the event that reported it does not name who did it (events
 * sent before actors were carried, or from a sender that does not carry them yet); the role
 * (proctor or admin) is null where the event does not carry it (`RecordWriter` fills both from an
 * event's `actorId` / `actorRole` when the handler did not).
 */
export function staff(actorId: string | null | undefined, role: string | null = null): RecordActor {
  return { type: 'staff', userId: actorId ?? null, role };
}

export function candidate(userId: string): RecordActor {
  return { type: 'candidate', userId, role: 'candidate' };
}

/**
 * A staff entry names the actor the event carries where its handler left them out: roster and
 * identity events carry `actorId` and `actorRole` (identity decisions `decidedBy`) since entries
 * named them, and a handler written before that need not change.
 */
export function withEventActor(actor: RecordActor, event: object): RecordActor {
  if (actor.type !== 'staff') return actor;
  const carried = event as { actorId?: unknown; actorRole?: unknown; decidedBy?: unknown };
  const id = typeof carried.actorId === 'string' ? carried.actorId : carried.decidedBy;
  return {
    ...actor,
    userId: actor.userId ?? (typeof id === 'string' ? id : null),
    role: actor.role ?? (typeof carried.actorRole === 'string' ? carried.actorRole : null),
  };
}
