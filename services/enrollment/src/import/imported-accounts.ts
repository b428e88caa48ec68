import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '@invigil/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import type { Columns } from '../roster/bulk-insert';
import { bulkInsert } from '../roster/bulk-insert';

const ACCOUNT_COLUMNS: Columns = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['email', 'text'],
  ['display_name', 'text'],
  ['role', 'text'],
  ['time_zone', 'text'],
  ['password_hash', 'text'],
  ['created_at', 'timestamptz'],
];

/**
 * The organization's account for each imported email, creating a candidate account (in bulk, in
 * the caller's transaction) for every email not known yet. Returns the accounts by email and how
 * many were created.
 */
export async function importAccounts(
  em: EntityManager,
  orgId: string,
  rows: { email: string; displayName: string }[],
): Promise<{ byEmail: Map<string, UserAccount>; created: number }> {
  const existing = await em.find(UserAccount, { orgId, email: { $in: rows.map((row) => row.email) } });
  const byEmail = new Map(existing.map((user) => [user.email, user]));
  const now = new Date();
  const newAccounts: UserAccount[] = [];
  for (const row of rows) {
    if (byEmail.has(row.email)) continue;
    const account = Object.assign(new UserAccount(), {
      id: randomUUID(),
      orgId,
      email: row.email,
      displayName: row.displayName,
      role: Role.Candidate,
      timeZone: 'UTC',
      // A random value that is no password hash at all: password sign-in stays impossible
      // until a password is set; the invitation link signs the candidate in.
      passwordHash: `!imported:${randomBytes(24).toString('base64url')}`,
      createdAt: now,
    });
    newAccounts.push(account);
    byEmail.set(row.email, account);
  }
  await bulkInsert(
    em,
    'user_account',
    ACCOUNT_COLUMNS,
    newAccounts.map((a) => ({
      id: a.id,
      org_id: a.orgId,
      email: a.email,
      display_name: a.displayName,
      role: a.role,
      time_zone: a.timeZone,
      password_hash: a.passwordHash,
      created_at: now,
    })),
  );
  return { byEmail, created: newAccounts.length };
}
