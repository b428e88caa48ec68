import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '@invigil/contracts';
import { UserAccount } from './user.entity';

export interface StaffActor {
  actorId: string;
  /** Absent when the account is not staff of this organization (the record then names no role). */
  actorRole?: Role.Proctor | Role.Admin;
}

/** Who did a roster change and in which role, for the events the session record is written from. */
export async function staffActorOf(em: EntityManager, orgId: string, actorId: string): Promise<StaffActor> {
  const account = await em.findOne(UserAccount, { id: actorId, orgId }, { fields: ['role'] });
  const role = account?.role;
  return role === Role.Proctor || role === Role.Admin ? { actorId, actorRole: role } : { actorId };
}
