import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  ExportRecordRequest,
  ListRecordRequest,
  RecordEntryView,
  RecordExportFile,
  RecordPage,
  RecordVerification,
  VerifyRecordRequest,
} from '@invigil/contracts';
import { RECORD_EXPORT_PART_MAX, RecordKind } from '@invigil/contracts';
import type { ChainHead, StoredEntry } from './record-chain';
import { findChainBreak } from './record-chain';
import { exportPart } from './record-export';
import { RecordEntry } from './record-entry.entity';

export const RECORD_PAGE_DEFAULT = 100;

/** Reading a session's record: pages with filters, the chain's verification, the whole record as a file. */
@Injectable()
export class RecordService {
  constructor(private readonly em: EntityManager) {}

  async list(request: ListRecordRequest): Promise<RecordPage> {
    const em = this.em.fork();
    const where = filtersOf(request);
    const limit = request.limit ?? RECORD_PAGE_DEFAULT;
    const [rows, total] = await Promise.all([
      em.find(
        RecordEntry,
        request.afterSeq === undefined ? where : { $and: [where, { seq: { $gt: request.afterSeq } }] },
        { orderBy: { seq: 'asc' }, limit: limit + 1 },
      ),
      em.count(RecordEntry, where),
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      entries: page.map((row) => row.toView()),
      nextCursor: rows.length > limit && last ? last.seq : null,
      total,
    };
  }

  async verify(request: VerifyRecordRequest): Promise<RecordVerification> {
    const em = this.em.fork();
    const rows = await this.allEntries(em, request);
    const [head] = await em.execute<{ last_seq: number; last_hash: string }[]>(
      `select last_seq, last_hash from record_chain where session_id = ? and org_id = ?`,
      [request.sessionId, request.orgId],
    );
    const chainHead: ChainHead | null = head ? { lastSeq: head.last_seq, lastHash: head.last_hash } : null;
    const brokenAt = findChainBreak(rows.map(storedEntryOf), chainHead);
    return { sessionId: request.sessionId, intact: brokenAt === null, entryCount: rows.length, brokenAt };
  }

  /** One part of the export file (see `exportPart`): up to `limit` entries after `afterSeq`. */
  async export(request: ExportRecordRequest): Promise<RecordExportFile> {
    const limit = request.limit ?? RECORD_EXPORT_PART_MAX;
    const scope = { orgId: request.orgId, sessionId: request.sessionId };
    const where = request.afterSeq === undefined ? scope : { ...scope, seq: { $gt: request.afterSeq } };
    const rows = await this.em.fork().find(RecordEntry, where, { orderBy: { seq: 'asc' }, limit: limit + 1 });
    const first = request.afterSeq === undefined;
    return exportPart({
      sessionId: request.sessionId,
      format: request.format,
      entries: rows.slice(0, limit).map((row) => row.toView()),
      first,
      last: rows.length <= limit,
      verification: first && request.format === 'json' ? await this.verify(request) : null,
    });
  }

  private allEntries(em: EntityManager, request: VerifyRecordRequest): Promise<RecordEntry[]> {
    return em.find(RecordEntry, { orgId: request.orgId, sessionId: request.sessionId }, { orderBy: { seq: 'asc' } });
  }
}

function filtersOf(request: ListRecordRequest): FilterQuery<RecordEntry> {
  const filters: FilterQuery<RecordEntry>[] = [{ orgId: request.orgId, sessionId: request.sessionId }];
  if (request.kind && request.kind.length > 0) filters.push({ kind: { $in: request.kind } });
  if (request.userId) filters.push({ userId: request.userId });
  if (request.from) filters.push({ at: { $gte: new Date(request.from) } });
  if (request.to) filters.push({ at: { $lte: new Date(request.to) } });
  // A candidate's part: what is about them, and what concerns everyone in the session, except the
  // session's incidents: staff notes that may list every candidate's progress.
  if (request.candidateId) {
    filters.push({
      $or: [{ userId: request.candidateId }, { userId: null, kind: { $ne: RecordKind.IncidentFiled } }],
    });
  }
  return { $and: filters };
}

function storedEntryOf(row: RecordEntry): StoredEntry {
  const view: RecordEntryView = row.toView();
  return { ...view, orgId: row.orgId, eventId: row.eventId };
}
