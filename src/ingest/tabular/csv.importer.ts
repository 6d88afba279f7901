/**
 * Reads a register kept as a CSV file: one kind of record per file, told by the header row (Dutch or
 * English headers of one template, see columns.ts), or by the import's kind option. Accepts what
 * spreadsheet programs write: UTF-8 with or without a byte-order mark (and Windows-1252, which
 * Dutch Excel's plain "CSV" still writes), "," or ";" (Dutch Excel) or tab between values — found
 * from the header line —, quoted cells over several lines, Excel's "sep=;" first line.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../domain/index.js';
import type { ImportContext, RegisterImport, RegisterImporter } from '../register-import.js';
import { cellContext } from './cells.js';
import { columnByHeader, TEMPLATES, TEMPLATE_KINDS, type TemplateKind } from './columns.js';
import { buildRow, linkKeys, mapHeader, MAX_TABLE_ROWS, partialNestedNote, type BuiltRow } from './rows.js';

/**
 * Largest spreadsheet accepted, CSV or XLSX. Far below the JSON limit (DEFAULT_MAX_BYTES, 512 MiB,
 * sized for SBOMs of 300k components): a register is thousands of rows, and exceljs holds a whole
 * workbook as objects — many times its size on disk — in memory.
 */
export const MAX_SPREADSHEET_BYTES = 32 * 1024 * 1024;

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of a header line: the one of ",", ";" and tab that occurs most outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The text of a CSV file: UTF-8 (its byte-order mark dropped), or Windows-1252 when it is not UTF-8. */
function decode(bytes: Uint8Array): { text: string; note?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'the file is not UTF-8; it was read as Windows-1252 (save as "CSV UTF-8" to avoid this)',
    };
  }
}

/** The kind the user said a sheet holds (`--kind`), when the headers do not say. */
export const kindOption = (context: ImportContext, source: string): TemplateKind | undefined => {
  const kind = context.kind;
  if (kind === undefined) return undefined;
  if ((TEMPLATE_KINDS as readonly string[]).includes(kind)) return kind as TemplateKind;
  throw new InputError(
    `${source}: a spreadsheet register holds ${TEMPLATE_KINDS.join(', ')}; not ${kind}`,
    [{ path: ['kind'], message: `use one of ${TEMPLATE_KINDS.join(', ')}` }],
    source,
  );
};

export function readCsvRegister(bytes: Uint8Array, source: string, context: ImportContext): RegisterImport {
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    throw new InputError(
      `${source} is larger than the limit of ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MiB for a spreadsheet register`,
      [],
      source,
    );
  const given = kindOption(context, source);
  const decoded = decode(bytes);
  const notes = decoded.note ? [`${source}: ${decoded.note}`] : [];
  // One line ending, so that csv-parse's line count is the line a person sees.
  let text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let lineOffset = 0;
  let delimiter: string;
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    lineOffset = 1;
  } else delimiter = detectDelimiter(text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length));

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    const line = e.lines !== undefined ? `, line ${e.lines + lineOffset}` : '';
    throw new InputError(`${source}${line}: not readable as CSV: ${e.message}`, [], source);
  }
  if (!records.length) throw new InputError(`${source} is empty: it has no header line`, [], source);
  if (records.length > MAX_TABLE_ROWS + 1)
    throw new InputError(`${source} has more than ${MAX_TABLE_ROWS} rows, the limit for one register file`, [], source);

  const headerLine = records[0]!;
  const map = mapHeader(headerLine.record, { file: source, line: 1 + lineOffset }, given);
  const ctx = cellContext(context.kb);
  const built: BuiltRow[] = [];
  // A record's first line: the line after the previous record ended (csv-parse counts the end).
  let nextLine = headerLine.info.lines + 1;
  for (const { record, info } of records.slice(1)) {
    const line = nextLine + lineOffset;
    nextLine = info.lines + 1;
    const row = buildRow(map, record, { file: source, line }, ctx);
    if (row) built.push(row);
  }
  linkKeys(built);
  const partial = partialNestedNote(map, source);
  if (partial) notes.push(partial);
  notes.push(
    `${source}: ${built.length} ${TEMPLATES[map.kind].sheet.en.toLowerCase()} (${map.lang === 'nl' ? 'Dutch' : 'English'} headers, delimiter "${delimiter === '\t' ? 'tab' : delimiter}")`,
  );
  return { format: 'csv', source, rows: built.map((b) => b.row), unmapped: [], notes };
}

/** The first line of a text, decoded leniently (for sniffing). */
function firstLine(head: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const end = text.search(/\r|\n/);
  return end >= 0 ? text.slice(0, end) : text;
}

export const csvImporter: RegisterImporter = {
  format: 'csv',
  /**
   * A ".csv" (or ".tsv", ".txt") file whose first line names at least one template column, or any
   * file whose first line is all template columns.
   */
  sniff(name: string, head: Uint8Array): boolean {
    if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return false; // a zip: XLSX, DORA package
    const line = firstLine(head);
    if (/^sep=.$/i.test(line)) return /\.(csv|tsv|txt)$/i.test(name);
    const headers = line
      .split(detectDelimiter(line))
      .map((h) => h.replace(/^"|"$/g, '').trim())
      .filter(Boolean);
    if (!headers.length) return false;
    const known = (h: string) => TEMPLATE_KINDS.some((k) => columnByHeader(TEMPLATES[k], h));
    if (/\.(csv|tsv|txt)$/i.test(name)) return headers.some(known);
    return headers.every(known);
  },
  read: async (bytes, source, context) => readCsvRegister(bytes, source, context),
};
