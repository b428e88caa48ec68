import type { RecordActor } from '@invigil/contracts';

/** The platform itself: a scheduled start, an alert, a status the rules moved, a disconnection seen. */
export const SYSTEM: RecordActor = { type: 'system', userId: null, role: null };

/** A candidate's deadline (plus grace) ran out. */
export const DEADLINE: RecordActor = { type: 'deadline', userId: null, role: null };

/**
 * A staff action. The id is null when the event that reported it does not name who did it (events
 * sent before actors were carried, or from a sender that does not carry them yet); the role is not
 * carried by any request yet, so only "staff" is known.
 */
export function staff(actorId: string | null | undefined): RecordActor {
  return { type: 'staff', userId: actorId ?? null, role: null };
}

export function candidate(userId: string): RecordActor {
  return { type: 'candidate', userId, role: 'candidate' };
}
