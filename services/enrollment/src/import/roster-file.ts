import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
import { Workbook } from 'exceljs';
import { givesOneTimeLimitForm, ONE_TIME_LIMIT_FORM } from '@invigil/contracts';

/**
 * Bulk import of a roster: pure functions (no database, no network) that turn an uploaded CSV or
 * XLSX file into rows and a row-by-row report. The service adds what the database knows
 * (already enrolled, accounts of other organizations, seats left) through `RosterFacts`.
 */

export const IMPORT_COLUMNS = ['email', 'displayName', 'timeLimitMinutes', 'timeLimitMultiplier'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Largest file the import reads; the gateway refuses bigger uploads before they reach a service. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportIssue {
  /** 1-based row of the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column the problem is in, or null for the whole row or file. */
  column: string | null;
  reason: string;
}

export interface ImportRow {
  row: number;
  email: string;
  displayName: string;
  timeLimitMinutes: number | null;
  timeLimitMultiplier: number | null;
}

export class ImportFileError extends Error {}

/** Cells starting like a spreadsheet formula (CSV injection): refused, never neutralised silently. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function templateCsv(): string {
  return `${IMPORT_COLUMNS.join(',')}\r\nada@example.com,Ada Lovelace,,\r\nalan@example.com,Alan Turing,90,\r\ngrace@example.com,Grace Hopper,,1.5\r\n`;
}

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('participants');
  sheet.addRow([...IMPORT_COLUMNS]);
  sheet.addRow(['ada@example.com', 'Ada Lovelace', null, null]);
  sheet.addRow(['alan@example.com', 'Alan Turing', 90, null]);
  sheet.addRow(['grace@example.com', 'Grace Hopper', null, 1.5]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const isZip = (bytes: Buffer) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads the file into a table of strings (first row: the header). Throws ImportFileError with the reason. */
export async function readTable(fileName: string, bytes: Buffer): Promise<string[][]> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    if (!isZip(bytes))
      throw new ImportFileError(
        'The file is named .xlsx but is not an Excel workbook; save it again as .xlsx or as CSV UTF-8.',
      );
    return readXlsx(bytes);
  }
  if (!lower.endsWith('.csv')) throw new ImportFileError('Upload a .csv or .xlsx file (use the template).');
  return readCsv(bytes);
}

function readCsv(bytes: Buffer): string[][] {
  if (isZip(bytes))
    throw new ImportFileError(
      'The file is named .csv but is a workbook or archive; save it as CSV UTF-8, or upload it as .xlsx.',
    );
  if (bytes.includes(0))
    throw new ImportFileError('The file is named .csv but contains binary data; save it as CSV UTF-8.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('The file is not UTF-8 text; save it as CSV UTF-8.');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new ImportFileError('The file is empty; fill in the template (header row, then one participant per row).');
  try {
    return parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new ImportFileError(`The CSV cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('The workbook cannot be read; save it again as .xlsx or as CSV UTF-8.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0)
    throw new ImportFileError('The file is empty; fill in the template (header row, then one participant per row).');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    table[rowNumber - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table.filter((row, index) => index === 0 || row.some((cell) => cell !== ''));
}

/** A cell as text; a formula keeps its "=" so the validation refuses it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as {
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      richText?: { text: string }[];
      result?: unknown;
    };
    if (v.formula || v.sharedFormula) return `=${v.formula ?? v.sharedFormula}`;
    if (Array.isArray(v.richText))
      return v.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (value instanceof Date) return value.toISOString();
  }
  return String(value).trim();
}

export interface HeaderMap {
  columns: Map<number, ImportColumn>;
  issues: ImportIssue[];
}

/** Header names in any order and case; unknown columns are reported and ignored; email is required. */
export function mapHeader(header: string[]): HeaderMap {
  const known = new Map(IMPORT_COLUMNS.map((name) => [name.toLowerCase(), name]));
  const columns = new Map<number, ImportColumn>();
  const issues: ImportIssue[] = [];
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const column = known.get(name.toLowerCase().replace(/[\s_]/g, ''));
    if (!column) {
      issues.push({
        row: 1,
        column: name,
        reason: `unknown column "${name}" (ignored); the columns are ${IMPORT_COLUMNS.join(', ')}`,
      });
    } else if ([...columns.values()].includes(column)) {
      issues.push({ row: 1, column: name, reason: `column ${column} appears twice; only the first is read` });
    } else {
      columns.set(index, column);
    }
  });
  if (![...columns.values()].includes('email')) {
    throw new ImportFileError(
      `The header row has no email column; the first row must name the columns ${IMPORT_COLUMNS.join(', ')} (any order).`,
    );
  }
  return { columns, issues };
}

/** What the database knows, as plain data. Emails are lower case. */
export interface RosterFacts {
  /** Emails already on this session's roster. */
  enrolled: Set<string>;
  /** Emails of accounts in other organizations (emails are unique across the platform). */
  foreign: Set<string>;
  /** Places left under the session's maximum, or null for no limit. */
  placesLeft: number | null;
}

export interface ImportReport {
  totalRows: number;
  valid: ImportRow[];
  issues: ImportIssue[];
}

function parseLimit(
  raw: string,
  column: 'timeLimitMinutes' | 'timeLimitMultiplier',
): { value: number | null; reason?: string } {
  if (raw === '') return { value: null };
  if (column === 'timeLimitMinutes') {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1440)
      return { value: null, reason: `bad time limit "${raw}": whole minutes from 1 to 1440` };
    return { value: Number(raw) };
  }
  const normalized = raw.replace(',', '.').replace(/[x×]$/i, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized) || Number(normalized) < 1 || Number(normalized) > 5) {
    return { value: null, reason: `bad time limit multiplier "${raw}": a number from 1 to 5 such as 1.5` };
  }
  return { value: Number(normalized) };
}

/** Why a cell a spreadsheet would run as a formula is refused, naming its first character (tab and CR escaped). */
function formulaRefusal(value: string): string {
  const start = value.charAt(0);
  const shown = start === '\t' ? '\\t' : start === '\r' ? '\\r' : start;
  return `refused: the value starts with "${shown}", which a spreadsheet would run as a formula; remove that character`;
}

/** Row-by-row validation. Rows with an issue are left out of `valid`; the caller commits only `valid`. */
export function validateTable(table: string[][], facts: RosterFacts): ImportReport {
  const [header, ...rows] = table;
  if (header === undefined)
    throw new ImportFileError('The file is empty; fill in the template (header row, then one participant per row).');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ImportFileError(`The file has ${rows.length} rows; the import takes at most ${MAX_IMPORT_ROWS}.`);
  const { columns, issues } = mapHeader(header);
  if (rows.length === 0) throw new ImportFileError('The file has a header row but no participants.');
  const seen = new Map<string, number>();
  const valid: ImportRow[] = [];
  let placesLeft = facts.placesLeft;
  for (const [offset, row] of rows.entries()) {
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const rowNumber = offset + 2;
    const cells: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, index) => (cells[column] = (row[index] ?? '').trim()));
    const rowIssues: ImportIssue[] = [];
    const problem = (column: ImportColumn | null, reason: string) => rowIssues.push({ row: rowNumber, column, reason });
    for (const column of IMPORT_COLUMNS) {
      const value = cells[column] ?? '';
      if (FORMULA_START.test(value)) problem(column, formulaRefusal(value));
    }
    const email = (cells.email ?? '').toLowerCase();
    const displayName = cells.displayName ?? '';
    if (rowIssues.length === 0) {
      if (email === '') problem('email', 'bad email: empty');
      else if (!isEmail(email)) problem('email', `bad email "${cells.email}"`);
      else if (seen.has(email)) problem('email', `duplicate in file: ${email} is already on row ${seen.get(email)}`);
      else if (facts.enrolled.has(email)) problem('email', `already enrolled: ${email} is on this session's roster`);
      else if (facts.foreign.has(email)) problem('email', `${email} belongs to an account of another organization`);
      if (displayName.length > 200) problem('displayName', 'displayName is longer than 200 characters');
      const minutes = parseLimit(cells.timeLimitMinutes ?? '', 'timeLimitMinutes');
      const multiplier = parseLimit(cells.timeLimitMultiplier ?? '', 'timeLimitMultiplier');
      if (minutes.reason) problem('timeLimitMinutes', minutes.reason);
      if (multiplier.reason) problem('timeLimitMultiplier', multiplier.reason);
      if (!givesOneTimeLimitForm({ timeLimitMinutes: minutes.value, timeLimitMultiplier: multiplier.value }))
        problem('timeLimitMinutes', `bad time limit: ${ONE_TIME_LIMIT_FORM}`);
      if (email !== '' && !seen.has(email)) seen.set(email, rowNumber);
      if (rowIssues.length === 0) {
        if (placesLeft !== null && placesLeft <= 0) {
          problem(null, `over maximum users: the session has no places left for this row`);
        } else {
          if (placesLeft !== null) placesLeft--;
          valid.push({
            row: rowNumber,
            email,
            // The email passed isEmail, so it has a local part before the "@".
            displayName: displayName || (email.split('@')[0] ?? email),
            timeLimitMinutes: minutes.value,
            timeLimitMultiplier: multiplier.value,
          });
        }
      }
    }
    issues.push(...rowIssues);
  }
  return { totalRows: rows.length, valid, issues };
}
