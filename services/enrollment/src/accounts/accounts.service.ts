import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GetUserRequest, LoginRequest, SearchUsersRequest, UserSearchPage, UserView } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { Organization } from './organization.entity';
import { verifyPassword } from './password';
import { UserAccount } from './user.entity';

@Injectable()
export class AccountsService {
  constructor(private readonly em: EntityManager) {}

  /** One message for unknown email and wrong password: never reveal which accounts exist. */
  async login(request: LoginRequest): Promise<UserView> {
    const em = this.em.fork();
    const user = await em.findOne(UserAccount, { email: request.email.trim().toLowerCase() });
    if (!user || !(await verifyPassword(user.passwordHash, request.password))) {
      throw RpcError.unauthenticated('Email or password is wrong. Check both and try again.');
    }
    return this.toView(em, user);
  }

  async getUser(request: GetUserRequest): Promise<UserView> {
    const em = this.em.fork();
    const user = await em.findOne(UserAccount, { id: request.userId, orgId: request.orgId });
    if (!user) throw RpcError.notFound(`No user ${request.userId} in this organization.`);
    return this.toView(em, user);
  }

  /** The organization's users whose name or email contains `query` (case-insensitive), by name, paged. */
  async search(request: SearchUsersRequest): Promise<UserSearchPage> {
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 20;
    const query = request.query?.trim() ?? '';
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = {
      orgId: request.orgId,
      ...(request.roles?.length ? { role: { $in: request.roles } } : {}),
      ...(query ? { $or: [{ displayName: { $ilike: pattern } }, { email: { $ilike: pattern } }] } : {}),
    };
    const [rows, total] = await this.em.fork().findAndCount(UserAccount, where, {
      orderBy: { displayName: 'asc', email: 'asc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((user) => ({
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        timeZone: user.timeZone,
      })),
      total,
      page,
      pageSize,
    };
  }

  private async toView(em: EntityManager, user: UserAccount): Promise<UserView> {
    const org = await em.findOneOrFail(Organization, { id: user.orgId });
    return {
      id: user.id,
      orgId: user.orgId,
      orgName: org.name,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
    };
  }
}
