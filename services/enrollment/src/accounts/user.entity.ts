import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role } from '@invigil/contracts';

/** Emails are unique across the platform so that one login form serves every organization. */
@Entity({ tableName: 'user_account' })
@Index({ properties: ['orgId', 'role'] })
export class UserAccount {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Enum({ items: () => Role, nativeEnumName: undefined, columnType: 'text' })
  role!: Role;

  /** IANA time zone the user's invitations and waiting room show times in. */
  @Property({ type: 'text', default: 'UTC' })
  timeZone: Opt<string> = 'UTC';

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
