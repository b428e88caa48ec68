import { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-platform';
import { Organization } from '../accounts/organization.entity';
import { hashPassword } from '../accounts/password';
import { UserAccount } from '../accounts/user.entity';

/** Creates the demo organization and its accounts if they are missing; safe to run on every start. */
export async function seedDemoAccounts(em: EntityManager): Promise<void> {
  if (!(await em.findOne(Organization, { id: DEMO_ORG.id }))) {
    em.create(Organization, { id: DEMO_ORG.id, name: DEMO_ORG.name, slug: DEMO_ORG.slug, createdAt: new Date() });
    // Users reference the organization by id only, so the organization must be committed first.
    await em.flush();
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    if (await em.findOne(UserAccount, { id: user.id })) continue;
    em.create(UserAccount, { ...user, orgId: DEMO_ORG.id, passwordHash, createdAt: new Date() });
  }
  await em.flush();
}
