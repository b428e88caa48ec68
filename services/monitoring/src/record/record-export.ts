import type { RecordEntryView, RecordExportFile, RecordExportFormat, RecordVerification } from '@invigil/contracts';
import { recordCsv } from './record-csv';

/** One part of an export, with where it sits in the whole file. */
export interface ExportPart {
  sessionId: string;
  format: RecordExportFormat;
  entries: RecordEntryView[];
  /** The first part opens the file (CSV header, JSON head with the verification). */
  first: boolean;
  /** The last part closes it (JSON's closing brackets). */
  last: boolean;
  verification: RecordVerification | null;
}

/**
 * The text of one part such that the parts, concatenated in order, are the whole file: a JSON
 * document `{ sessionId, exportedAt, verification, entries: [...] }` or a CSV with one header.
 * A part after the first always has entries (the previous one said there were more), hence its
 * leading comma.
 */
export function exportPart(part: ExportPart): RecordExportFile {
  const fileName = `session-record-${part.sessionId}.${part.format}`;
  const nextCursor = part.last ? null : (part.entries.at(-1)?.seq ?? null);
  if (part.format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      fileName,
      content: recordCsv(part.entries, part.first),
      nextCursor,
    };
  const body = part.entries.map((entry) => JSON.stringify(entry)).join(',');
  let content = part.first ? `${jsonHead(part)},"entries":[` : ',';
  content += body;
  if (part.last) content += ']}';
  return { contentType: 'application/json', fileName, content, nextCursor };
}

/** The document's opening fields, without its closing brace. */
function jsonHead(part: ExportPart): string {
  const head = { sessionId: part.sessionId, exportedAt: new Date().toISOString(), verification: part.verification };
  return JSON.stringify(head).slice(0, -1);
}
