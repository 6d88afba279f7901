/**
 * Reads a register kept as an XLSX workbook: one sheet per kind of record, told by the sheet's name
 * in Dutch or English ("Processen"/"Processes", see columns.ts), headers in the first row. Other
 * sheets — the help sheet Stapel writes, a user's notes — are left alone and named in the notes.
 * Cells are read as Excel shows them: a formula by its computed result, rich text and hyperlinks as
 * their text, dates as YYYY-MM-DD. A cell holding a formula error (#DIV/0!, #REF!, #N/A …) stops the
 * import: its value is unknown, and guessing would put wrong facts in the register.
 */
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { nextZipEntry } from '../zip.js';
import { InputError } from '../../domain/index.js';
import type { ImportContext, RegisterImport, RegisterImporter } from '../register-import.js';
import { cellContext, type RawCell } from './cells.js';
import { HELP_SHEET, kindBySheetName, TEMPLATES } from './columns.js';
import { kindOption, MAX_SPREADSHEET_BYTES } from './csv.importer.js';
import {
  buildRow,
  hasTemplateColumn,
  linkKeys,
  mapHeader,
  MAX_TABLE_ROWS,
  partialNestedNote,
  type BuiltRow,
} from './rows.js';

/** Most bytes a workbook may unpack to: a zip bomb stops here, before exceljs inflates anything. */
export const MAX_XLSX_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** Most entries in the workbook's zip (a workbook of a few sheets has a few dozen). */
const MAX_XLSX_ENTRIES = 10_000;
/** Most cells in a row: the templates have at most 20 columns; more is not a register. */
const MAX_XLSX_COLUMNS = 1000;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Checks the zip before exceljs unpacks it: entry count, the sizes entries declare, and — by
 * inflating each entry once with yauzl's size validation — that no entry unpacks to more than it
 * declares.
 */
export async function checkZip(
  buffer: Buffer,
  source: string,
  maxUnzippedBytes = MAX_XLSX_UNZIPPED_BYTES,
): Promise<void> {
  const fail = (message: string) => new InputError(`${source}: ${message}`, [], source);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch (err) {
    throw fail(`not an XLSX workbook (not a readable zip file: ${(err as Error).message})`);
  }
  try {
    if (zip.entryCount > MAX_XLSX_ENTRIES) throw fail(`the workbook has more than ${MAX_XLSX_ENTRIES} parts`);
    let total = 0;
    for (;;) {
      const entry = await nextZipEntry(zip);
      if (!entry) return;
      total += entry.uncompressedSize;
      if (total > maxUnzippedBytes)
        throw fail(`the workbook unpacks to more than ${maxUnzippedBytes / 1024 / 1024} MiB`);
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      for await (const _chunk of stream) {
        // Reading is the check: yauzl fails the stream when an entry outgrows its declared size.
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fail(`not a readable XLSX workbook: ${(err as Error).message}`);
  } finally {
    zip.close();
  }
}

/** A cell exceljs could read but whose value cannot be taken: a formula without a computed result. */
class CellProblem {
  constructor(readonly message: string) {}
}

type FormulaError = { error: string };
const isErrorValue = (v: unknown): v is FormulaError =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === 'string';

/**
 * The value of a cell as the sheet shows it. Returns a FormulaError for a formula error, so the
 * caller can say where it is.
 */
function cellValue(value: ExcelJS.CellValue): RawCell | CellProblem | FormulaError {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  if (isErrorValue(value)) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      const formula =
        (value as ExcelJS.CellFormulaValue).formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
      return new CellProblem(
        `the formula =${formula} has no computed value in the file; open the file in a spreadsheet program and save it`,
      );
    }
    return cellValue(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    return value.hyperlink;
  }
  return undefined;
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

async function loadWorkbook(bytes: Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    throw new InputError(
      `${source} is larger than the limit of ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MiB for a spreadsheet register`,
      [],
      source,
    );
  if (!isZip(bytes))
    throw new InputError(`${source} is not an XLSX workbook (an XLSX file is a zip archive)`, [], source);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkZip(buffer, source);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs also takes maxRows/maxCols (undocumented in its types). Data validations are skipped:
    // exceljs expands each validated range into one entry per cell, which a hostile range makes huge.
    const options = { ignoreNodes: ['dataValidations'], maxRows: MAX_TABLE_ROWS + 1, maxCols: MAX_XLSX_COLUMNS };
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, options as Partial<ExcelJS.XlsxReadOptions>);
  } catch (err) {
    const message = (err as Error).message;
    if (/Max row count/i.test(message))
      throw new InputError(
        `${source}: a sheet has more than ${MAX_TABLE_ROWS} rows, the limit for one register sheet`,
        [],
        source,
      );
    if (/Max c count/i.test(message))
      throw new InputError(`${source}: a row has more than ${MAX_XLSX_COLUMNS} cells`, [], source);
    throw new InputError(`${source} is not a readable XLSX workbook: ${message}`, [], source);
  }
  return workbook;
}

export async function readXlsxRegister(
  bytes: Uint8Array,
  source: string,
  context: ImportContext,
): Promise<RegisterImport> {
  const workbook = await loadWorkbook(bytes, source);
  const ctx = cellContext(context.kb);
  const built: BuiltRow[] = [];
  const notes: string[] = [];
  const ignored: string[] = [];
  // A workbook without a sheet named after a kind — a CSV template saved as a workbook, whose one
  // sheet is named after the file — is read as CSV is: each sheet's kind from its headers.
  const byHeaders = !workbook.worksheets.some((s) => kindBySheetName(s.name));
  const given = byHeaders ? kindOption(context, source) : undefined;
  for (const sheet of workbook.worksheets) {
    const named = kindBySheetName(sheet.name);
    if (!named && (!byHeaders || sheet.name === HELP_SHEET.nl || sheet.name === HELP_SHEET.en)) {
      ignored.push(sheet.name);
      continue;
    }
    const width = Math.max(sheet.columnCount, sheet.getRow(1).cellCount);
    const read = (rowNumber: number, headers?: readonly string[]) => {
      const row = sheet.getRow(rowNumber);
      const cells: RawCell[] = [];
      const problems = new Map<number, string>();
      for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
        const v = cellValue(row.getCell(c).value);
        if (isErrorValue(v)) {
          const column = headers?.[c - 1] || columnLetter(c);
          const message = `the cell holds the formula error ${v.error}; correct the formula or replace it by a value`;
          throw new InputError(
            `${source}, sheet ${sheet.name}, row ${rowNumber}, column ${column}: ${message}`,
            [{ path: [sheet.name, `row ${rowNumber}`, column], message }],
            source,
          );
        }
        if (v instanceof CellProblem) {
          problems.set(c - 1, v.message);
          cells.push(undefined);
        } else cells.push(v);
      }
      return { cells, problems };
    };
    if (sheet.actualRowCount === 0) {
      notes.push(`${source}, sheet ${sheet.name}: empty`);
      continue;
    }
    const header = read(1);
    const headers = header.cells.map((c) => (c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)));
    if (!named && !hasTemplateColumn(headers)) {
      ignored.push(sheet.name);
      continue;
    }
    const map = mapHeader(headers, { file: source, sheet: sheet.name }, named ?? given);
    const rows: BuiltRow[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const { cells, problems } = read(r, map.headers);
      const built = buildRow(map, cells, { file: source, sheet: sheet.name, line: r }, ctx, problems);
      if (built) rows.push(built);
    }
    built.push(...rows);
    const partial = partialNestedNote(map, `${source}, sheet ${sheet.name}`);
    if (partial) notes.push(partial);
    notes.push(
      `${source}, sheet ${sheet.name}: ${rows.length} ${TEMPLATES[map.kind].sheet.en.toLowerCase()}${named ? '' : ' (kind from the column headers)'}`,
    );
  }
  if (!built.length && byHeaders)
    throw new InputError(
      `${source} has no register sheet; name sheets after what they hold (${Object.values(TEMPLATES)
        .map((t) => `${t.sheet.nl}/${t.sheet.en}`)
        .join(', ')}), or give a sheet the column headers of a template`,
      [],
      source,
    );
  linkKeys(built);
  for (const name of ignored)
    notes.push(
      `${source}, sheet ${name}: ${name === HELP_SHEET.nl || name === HELP_SHEET.en ? 'the help sheet' : 'not a register sheet'}; not read`,
    );
  return { format: 'xlsx', source, rows: built.map((b) => b.row), unmapped: [], notes };
}

export const xlsxImporter: RegisterImporter = {
  format: 'xlsx',
  /** A zip named .xlsx/.xlsm, or a zip whose first entries are those of an Office Open XML package. */
  sniff(name: string, head: Uint8Array): boolean {
    if (!isZip(head)) return false;
    if (/\.xls[xm]$/i.test(name)) return true;
    const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
    return text.includes('[Content_Types].xml') && text.includes('xl/');
  },
  read: readXlsxRegister,
};
