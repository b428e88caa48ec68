import type { RecordEntryView } from '@invigil/contracts';
import { stringify } from 'csv-stringify/sync';
import { canonicalJson } from './record-chain';

const COLUMNS = ['seq', 'at', 'kind', 'userId', 'actorType', 'actorId', 'actorRole', 'detail', 'prevHash', 'hash'];

/**
 * The record as CSV (RFC 4180, csv-stringify): every field quoted, and a field that a spreadsheet
 * would run as a formula (= + - @ at its start) prefixed with an apostrophe, since a record is opened
 * by people who did not write it.
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
  return stringify(withHeader ? [COLUMNS, ...rows] : rows, {
    quoted: true,
    quoted_empty: true,
    record_delimiter: '\r\n',
    cast: { string: defuseFormula },
  });
}

/** A cell a spreadsheet would evaluate is kept as text. */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
