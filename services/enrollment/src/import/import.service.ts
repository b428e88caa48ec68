import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { CommitImportRequest, ImportPreview, ImportResult, ImportRosterRequest, SessionView } from '@invigil/contracts';
import { placesLeft } from '@invigil/domain';
import { REDIS_CONNECTION, RpcError } from '@invigil/server-platform';
import type { Redis } from 'ioredis';
import { UserAccount } from '../accounts/user.entity';
import { Participant } from '../participants/participant.entity';
import { RosterAdditions } from '../roster/roster-additions';
import { importAccounts } from './imported-accounts';
import { ImportFileError, ImportReport, mapHeader, readTable, RosterFacts, validateTable } from './roster-file';

const SAMPLE_ROWS = 50;
const MAX_ISSUES_SHOWN = 1000;

/**
 * Bulk import of a session's roster from an uploaded CSV/XLSX (stored in Redis by the gateway).
 * Preview validates without writing; commit validates again against the database as it is then
 * and adds every valid row in ONE transaction, so no partial import ever commits and importing
 * the same file twice adds nobody twice (those rows are "already enrolled").
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly additions: RosterAdditions,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  async preview(request: ImportRosterRequest): Promise<ImportPreview> {
    const session = await this.additions.openSession(request.orgId, request.sessionId);
    const table = await this.readUpload(request);
    const em = this.em.fork();
    const report = await this.validate(em, request.orgId, session, table);
    const known = await this.knownEmails(
      em,
      request.orgId,
      report.valid.map((row) => row.email),
    );
    return {
      uploadKey: request.uploadKey,
      uploadId: request.uploadKey.slice(request.uploadKey.lastIndexOf(':') + 1),
      fileName: request.fileName,
      totalRows: report.totalRows,
      validRows: report.valid.length,
      newAccounts: report.valid.filter((row) => !known.has(row.email)).length,
      issues: report.issues.slice(0, MAX_ISSUES_SHOWN),
      sample: report.valid.slice(0, SAMPLE_ROWS).map((row) => ({ ...row, newAccount: !known.has(row.email) })),
    };
  }

  async commit(request: CommitImportRequest): Promise<ImportResult> {
    const session = await this.additions.openSession(request.orgId, request.sessionId);
    const table = await this.readUpload(request);
    const result = await this.additions.transaction(session, async (em, afterCommit) => {
      const report = await this.validate(em, request.orgId, session, table);
      // Accounts first, since participants reference them; all in this one transaction.
      const accounts = await importAccounts(em, request.orgId, report.valid);
      const additions = report.valid.flatMap((row) => {
        const user = accounts.byEmail.get(row.email);
        return user
          ? [{ user, timeLimitMinutes: row.timeLimitMinutes, timeLimitMultiplier: row.timeLimitMultiplier }]
          : [];
      });
      await this.additions.add(em, afterCommit, session, request, additions);
      return {
        added: additions.length,
        createdAccounts: accounts.created,
        skipped: report.totalRows - report.valid.length,
        issues: report.issues.slice(0, MAX_ISSUES_SHOWN),
      };
    });
    await this.redis.del(request.uploadKey);
    return result;
  }

  private async readUpload(request: ImportRosterRequest): Promise<string[][]> {
    const bytes = await this.redis.getBuffer(request.uploadKey);
    if (!bytes)
      throw RpcError.notFound(
        'The uploaded file is no longer available (uploads are kept for an hour); upload it again.',
      );
    try {
      return await readTable(request.fileName, bytes);
    } catch (error) {
      if (error instanceof ImportFileError) throw RpcError.invalid(error.message, [`file: ${error.message}`]);
      throw error;
    }
  }

  private async validate(
    em: EntityManager,
    orgId: string,
    session: SessionView,
    table: string[][],
  ): Promise<ImportReport> {
    try {
      const facts = await this.facts(em, orgId, session, table);
      return validateTable(table, facts);
    } catch (error) {
      if (error instanceof ImportFileError) throw RpcError.invalid(error.message, [`file: ${error.message}`]);
      throw error;
    }
  }

  private async facts(em: EntityManager, orgId: string, session: SessionView, table: string[][]): Promise<RosterFacts> {
    const [header] = table;
    if (header === undefined)
      return { enrolled: new Set(), foreign: new Set(), placesLeft: placesLeft(session.maxUsers, 0) };
    const emailColumn = [...mapHeader(header).columns.entries()].find(([, column]) => column === 'email');
    // mapHeader already refuses a header without an email column; this keeps that promise checked here.
    if (!emailColumn) throw new ImportFileError('The header row has no email column.');
    const [emailIndex] = emailColumn;
    const emails = [
      ...new Set(
        table
          .slice(1)
          .map((row) => (row[emailIndex] ?? '').trim().toLowerCase())
          .filter((email) => email.includes('@')),
      ),
    ];
    const roster = await em.find(Participant, { sessionId: session.id }, { fields: ['email'] });
    const foreign = emails.length
      ? await em.find(UserAccount, { email: { $in: emails }, orgId: { $ne: orgId } }, { fields: ['email'] })
      : [];
    return {
      enrolled: new Set(roster.map((row) => row.email.toLowerCase())),
      foreign: new Set(foreign.map((user) => user.email)),
      placesLeft: placesLeft(session.maxUsers, roster.length),
    };
  }

  private async knownEmails(em: EntityManager, orgId: string, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const users = await em.find(UserAccount, { orgId, email: { $in: emails } }, { fields: ['email'] });
    return new Set(users.map((user) => user.email));
  }
}
