import type { SessionResultRow } from '@invigil/contracts';
import { neutraliseFormula } from '@invigil/domain';
import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';

const HEADER = ['Candidate', 'Email', 'Score', 'Max score', 'Percent', 'Outcome', 'Review', 'Submitted', 'Certificate'];

/** A result's review state in words: final, or provisional with how many answers await a reviewer. */
export function reviewStateText(row: SessionResultRow): string {
  const n = row.answersAwaitingReview;
  return n === 0 ? 'final' : `provisional, ${n} ${n === 1 ? 'answer' : 'answers'} awaiting review`;
}

/** One row of either export; every text cell goes through `neutraliseFormula` (numbers stay numbers). */
export function exportRow(row: SessionResultRow): (string | number)[] {
  const outcome = row.answersAwaitingReview > 0 ? 'pending' : row.passed ? 'passed' : 'not passed';
  return [
    row.displayName,
    row.email,
    row.score,
    row.maxScore,
    row.percent,
    outcome,
    reviewStateText(row),
    row.submittedAt,
    row.certificateStatus ?? '',
  ].map((cell) => neutraliseFormula(cell));
}

/** RFC 4180 CSV with a header row, every field quoted. */
export function resultsCsv(rows: readonly SessionResultRow[]): Buffer {
  const csv = stringify([HEADER, ...rows.map(exportRow)], {
    quoted: true,
    quoted_empty: true,
    record_delimiter: '\r\n',
  });
  return Buffer.from(csv, 'utf8');
}

/** One worksheet, "Results", the same columns as the CSV; text cells stay text. */
export async function resultsXlsx(rows: readonly SessionResultRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Results');
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(exportRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
