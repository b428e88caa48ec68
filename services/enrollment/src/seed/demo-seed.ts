import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, RIVAL_ORG, RIVAL_USERS } from '@invigil/server-seed';
import type { Role } from '@invigil/contracts';
import { Organization } from '../accounts/organization.entity';
import { hashPassword } from '../accounts/password';
import { UserAccount } from '../accounts/user.entity';

interface SeedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

const ORGS: { org: { id: string; name: string; slug: string }; users: readonly SeedUser[] }[] = [
  { org: DEMO_ORG, users: DEMO_USERS },
  { org: RIVAL_ORG, users: RIVAL_USERS },
];

/** Creates the demo organizations and their accounts if they are missing; safe to run on every start. */
export async function seedDemoAccounts(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const { org, users } of ORGS) {
    if (!(await em.findOne(Organization, { id: org.id }))) {
      em.create(Organization, { ...org, createdAt: new Date() });
      // Users reference the organization by id only, so the organization must be committed first.
      await em.flush();
    }
    for (const user of users) {
      if (await em.findOne(UserAccount, { id: user.id })) continue;
      em.create(UserAccount, { ...user, orgId: org.id, passwordHash, createdAt: new Date() });
    }
    await em.flush();
  }
}
