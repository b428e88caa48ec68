import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommitImportRequest,
  EventPayload,
  Events,
  ImportPreview,
  ImportResult,
  ImportRosterRequest,
  ParticipantStatus,
  Role,
  SessionView,
} from '@invigil/contracts';
import { finishedSessionMessage, placesLeft } from '@invigil/domain';
import {
  currentCorrelationId,
  currentTraceParent,
  Outbox,
  OutboxMessage,
  REDIS_CONNECTION,
  RpcError,
} from '@invigil/server-platform';
import type { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import { InvitationService } from '../invitations/invitation.service';
import { Participant } from '../roster/participant.entity';
import { lockSessionRoster, RosterService } from '../roster/roster.service';
import { ImportFileError, ImportReport, mapHeader, readTable, RosterFacts, validateTable } from './roster-file';

const SAMPLE_ROWS = 50;
const MAX_ISSUES_SHOWN = 1000;

type Columns = [name: string, type: string][];
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
const PARTICIPANT_COLUMNS: Columns = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['session_id', 'uuid'],
  ['user_id', 'uuid'],
  ['display_name', 'text'],
  ['email', 'text'],
  ['status', 'text'],
  ['time_limit_minutes', 'integer'],
  ['time_limit_multiplier', 'double precision'],
  ['invited_at', 'timestamptz'],
  ['added_by', 'uuid'],
  ['updated_at', 'timestamptz'],
];
const OUTBOX_COLUMNS: Columns = [
  ['id', 'uuid'],
  ['subject', 'text'],
  ['payload', 'jsonb'],
  ['correlation_id', 'text'],
  ['trace_parent', 'text'],
  ['created_at', 'timestamptz'],
  ['publish_attempts', 'integer'],
];

/**
 * One INSERT … SELECT FROM json_to_recordset per table: 10,000 rows travel as one JSON parameter
 * instead of tens of thousands of bound values. Runs inside the caller's transaction.
 */
async function bulkInsert(em: EntityManager, table: string, columns: Columns, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const schema = em.config.get('schema');
  const target = schema ? `"${schema}"."${table}"` : `"${table}"`;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await em.execute(`insert into ${target} (${names}) select ${names} from json_to_recordset(?::json) as x(${types})`, [
    JSON.stringify(rows),
  ]);
}

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
    private readonly outbox: Outbox,
    private readonly roster: RosterService,
    private readonly invitations: InvitationService,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  async preview(request: ImportRosterRequest): Promise<ImportPreview> {
    const session = await this.openSession(request);
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
    const session = await this.openSession(request);
    const table = await this.readUpload(request);
    const { result, participantIds } = await this.outbox.transaction(async (em) => {
      await lockSessionRoster(em, session.id);
      const report = await this.validate(em, request.orgId, session, table);
      const existing = await em.find(UserAccount, {
        orgId: request.orgId,
        email: { $in: report.valid.map((row) => row.email) },
      });
      const byEmail = new Map(existing.map((user) => [user.email, user]));
      const now = new Date();
      // Bulk inserts (no unit of work per row): 10,000 rows commit in seconds. Accounts first,
      // since participants reference them; all in this one transaction.
      const newAccounts: UserAccount[] = [];
      for (const row of report.valid) {
        if (byEmail.has(row.email)) continue;
        const account = Object.assign(new UserAccount(), {
          id: randomUUID(),
          orgId: request.orgId,
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
      const createdAccounts = newAccounts.length;
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
      const participants = report.valid.map((row) => {
        const user = byEmail.get(row.email)!;
        return Object.assign(new Participant(), {
          id: randomUUID(),
          orgId: request.orgId,
          sessionId: session.id,
          userId: user.id,
          displayName: user.displayName,
          email: user.email,
          status: ParticipantStatus.Invited,
          joinedAt: null,
          timeLimitMinutes: row.timeLimitMinutes,
          timeLimitMultiplier: row.timeLimitMultiplier,
          invitedAt: now,
          addedBy: request.actorId,
          invitationSentAt: null,
          updatedAt: now,
        });
      });
      await bulkInsert(
        em,
        'participant',
        PARTICIPANT_COLUMNS,
        participants.map((p) => ({
          id: p.id,
          org_id: p.orgId,
          session_id: p.sessionId,
          user_id: p.userId,
          display_name: p.displayName,
          email: p.email,
          status: p.status,
          time_limit_minutes: p.timeLimitMinutes,
          time_limit_multiplier: p.timeLimitMultiplier,
          invited_at: now,
          added_by: p.addedBy,
          updated_at: now,
        })),
      );
      const participantIds = participants.map((participant) => participant.id);
      // The events go into the outbox in the same transaction, in bulk like the rows themselves.
      const correlationId = currentCorrelationId() ?? null;
      const traceParent = currentTraceParent();
      const events = participants.map((participant) => {
        const data: EventPayload<typeof Events.participantAdded> = {
          orgId: request.orgId,
          sessionId: session.id,
          participantId: participant.id,
          userId: participant.userId,
          displayName: participant.displayName,
          status: participant.status,
          timeLimitMinutes: participant.timeLimitMinutes,
          timeLimitMultiplier: participant.timeLimitMultiplier,
          invitationRequested: request.sendInvitation,
        };
        return Object.assign(new OutboxMessage(), {
          id: randomUUID(),
          subject: Events.participantAdded,
          payload: { ...data },
          correlationId,
          traceParent,
          createdAt: now,
          publishedAt: null,
          publishAttempts: 0,
        });
      });
      await bulkInsert(
        em,
        'outbox',
        OUTBOX_COLUMNS,
        events.map((e) => ({
          id: e.id,
          subject: e.subject,
          payload: e.payload,
          correlation_id: e.correlationId,
          trace_parent: e.traceParent,
          created_at: now,
          publish_attempts: 0,
        })),
      );
      const result: ImportResult = {
        added: report.valid.length,
        createdAccounts,
        skipped: report.totalRows - report.valid.length,
        issues: report.issues.slice(0, MAX_ISSUES_SHOWN),
      };
      return { result, participantIds };
    });
    await this.redis.del(request.uploadKey);
    if (request.sendInvitation && participantIds.length > 0) await this.invitations.invite(session, participantIds);
    return result;
  }

  private async openSession(request: ImportRosterRequest): Promise<SessionView> {
    const session = await this.roster.getSession(request.orgId, request.sessionId);
    const finished = finishedSessionMessage(session);
    if (finished) throw RpcError.conflict(`${finished}; its roster can no longer change.`);
    return session;
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
    if (table.length === 0)
      return { enrolled: new Set(), foreign: new Set(), placesLeft: placesLeft(session.maxUsers, 0) };
    const emailIndex = [...mapHeader(table[0]).columns.entries()].find(([, column]) => column === 'email')![0];
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
