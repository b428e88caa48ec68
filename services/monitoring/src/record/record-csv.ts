import type { RecordEntryView } from '@invigil/contracts';
import { canonicalJson } from './record-chain';

const COLUMNS = ['seq', 'at', 'kind', 'userId', 'actorType', 'actorId', 'actorRole', 'detail', 'prevHash', 'hash'];

/**
 * The record as CSV (RFC 4180). A stopgap until csv-stringify is installed in the workspace: every
 * field is quoted, quotes are doubled, and a field that a spreadsheet would run as a formula
 * (= + - @ at its start) is prefixed with an apostrophe.
 */
export function recordCsv(entries: readonly RecordEntryView[], withHeader = true): string {
  const rows = entries.map((entry) => [
    String(entry.seq),
    entry.at,
    entry.kind,
    entry.userId ?? '',
    entry.actor.type,
    entry.actor.userId ?? '',
    entry.actor.role ?? '',
    canonicalJson(entry.detail),
    entry.prevHash,
    entry.hash,
  ]);
  return (withHeader ? [COLUMNS, ...rows] : rows).map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
