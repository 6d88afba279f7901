/**
 * Writes register records as spreadsheets in exactly the template format the importers read: CSV
 * (one kind per file) and XLSX (a sheet per kind and a help sheet listing every column and its
 * allowed values). With no records these are the downloadable templates. What is written reads
 * back into the same records: references as the referenced record's id, vocabularies as their
 * codes, lists joined with "; ", dates as YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { parseRef, type Lang } from '../../domain/index.js';
import { formatCell, guardFormula, type WrittenCell } from './cells.js';
import { HELP_SHEET, TEMPLATES, TEMPLATE_KINDS, describeValueType, type Column, type TemplateKind } from './columns.js';

/** A register record as the writers need it: its id and its spec fields (any envelope is ignored). */
export interface TabularRecord {
  readonly id: string;
}

export interface CsvWriteOptions {
  /** Defaults to ";" for Dutch (what Dutch Excel reads and writes) and "," for English. */
  delimiter?: ',' | ';' | '\t';
  /** A UTF-8 byte-order mark first, so Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
}

function valueAt(record: object, path: string): unknown {
  let node: unknown = record;
  for (const p of path.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  return node;
}

/** The cells of one record, in template column order. */
export function recordCells(
  kind: TemplateKind,
  record: TabularRecord,
  lang: Lang,
  target: 'csv' | 'xlsx',
): WrittenCell[] {
  return TEMPLATES[kind].columns.map((column) => {
    if (column.value.type === 'key') return record.id;
    const value = valueAt(record, column.field);
    if (column.value.type === 'endKind' || column.value.type === 'end') {
      if (typeof value !== 'string') return undefined;
      const ref = parseRef(value);
      if (column.value.type === 'endKind') return ref?.kind;
      return ref ? ref.id : value;
    }
    return formatCell(column, value, lang, target);
  });
}

/** Columns whose CSV cells are text a person typed, and so may start like a formula. */
const typedText = (c: Column) =>
  !['integer', 'number', 'boolean', 'date', 'enum', 'country', 'endKind'].includes(c.value.type);

/** Records of one kind as CSV text in the template format; with no records, the template. */
export function writeCsv(
  kind: TemplateKind,
  records: readonly TabularRecord[],
  lang: Lang,
  options: CsvWriteOptions = {},
): string {
  const columns = TEMPLATES[kind].columns;
  const rows: string[][] = [columns.map((c) => c.header[lang])];
  for (const record of records)
    rows.push(
      recordCells(kind, record, lang, 'csv').map((cell, i) => {
        const text = cell === undefined ? '' : String(cell);
        return typedText(columns[i]!) ? guardFormula(text) : text;
      }),
    );
  const text = stringify(rows, {
    delimiter: options.delimiter ?? (lang === 'nl' ? ';' : ','),
    record_delimiter: 'windows',
    // csv-stringify quotes a cell holding the record delimiter (\r\n), not one holding a bare \n.
    quoted_match: /[\r\n]/,
  });
  return (options.bom ?? true) ? `\uFEFF${text}` : text;
}

/** The empty CSV template of a kind: the header row only. */
export const templateCsv = (kind: TemplateKind, lang: Lang, options?: CsvWriteOptions): string =>
  writeCsv(kind, [], lang, options);

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** The drop-down list of a column, when it has a short closed list (Excel allows 255 characters). */
function pickList(column: Column, lang: Lang): string[] | undefined {
  const v = column.value;
  const list =
    v.type === 'enum' && !v.many
      ? [...v.vocabulary.codes]
      : v.type === 'boolean'
        ? lang === 'nl'
          ? ['ja', 'nee']
          : ['yes', 'no']
        : v.type === 'endKind'
          ? [...v.kinds]
          : undefined;
  return list && list.join(',').length <= 250 ? list : undefined;
}

/** Rows with drop-down lists in a sheet: beyond the records, room to add some. */
const VALIDATED_ROWS = 1000;

function addKindSheet(workbook: ExcelJS.Workbook, kind: TemplateKind, records: readonly TabularRecord[], lang: Lang) {
  const template = TEMPLATES[kind];
  const sheet = workbook.addWorksheet(template.sheet[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.columns.map((c) => ({
    header: c.header[lang],
    width: Math.min(40, Math.max(12, c.header[lang].length + 4)),
    style:
      c.value.type === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.value.type === 'integer' || c.value.type === 'number'
          ? {}
          : { numFmt: '@' }, // text, so Excel keeps keys and KvK numbers such as "01234567" as typed
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(recordCells(kind, record, lang, 'xlsx'));
  const last = Math.max(VALIDATED_ROWS, records.length + 1 + 200);
  template.columns.forEach((column, i) => {
    const list = pickList(column, lang);
    if (!list) return;
    const letter = columnLetter(i + 1);
    // exceljs supports worksheet-level range validations; its types do not declare them.
    (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: false,
    });
  });
}

function addHelpSheet(workbook: ExcelJS.Workbook, lang: Lang) {
  const nl = lang === 'nl';
  const other: Lang = nl ? 'en' : 'nl';
  const sheet = workbook.addWorksheet(HELP_SHEET[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: nl ? 'Tabblad' : 'Sheet', width: 18 },
    { header: nl ? 'Kolom' : 'Column', width: 34 },
    { header: nl ? 'Kolom in het Engels' : 'Column in Dutch', width: 34 },
    { header: nl ? 'Veld' : 'Field', width: 26 },
    { header: nl ? 'Verplicht' : 'Required', width: 10 },
    { header: nl ? 'Waarden' : 'Values', width: 80 },
    { header: nl ? 'Toelichting' : 'Notes', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const kind of TEMPLATE_KINDS)
    for (const column of TEMPLATES[kind].columns) {
      const row = sheet.addRow([
        TEMPLATES[kind].sheet[lang],
        column.header[lang],
        column.header[other],
        column.field || 'id',
        column.required ? (nl ? 'ja' : 'yes') : '',
        describeValueType(column.value, lang),
        column.hint?.[lang] ?? '',
      ]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  sheet.addRow([]);
  const general = nl
    ? [
        'Elk tabblad met de naam van een soort record wordt ingelezen; andere tabbladen, zoals dit, niet.',
        'Een leeggemaakte cel wist het veld bij een nieuwe import; een weggelaten kolom laat het veld ongemoeid.',
        'Waarden uit een lijst mogen als code of als Nederlandse of Engelse omschrijving; Stapel schrijft de code.',
      ]
    : [
        'Every sheet named after a kind of record is read; other sheets, such as this one, are not.',
        'An emptied cell clears the field on re-import; a column left out leaves the field as it is.',
        'Values from a list may be written as the code or its Dutch or English label; Stapel writes the code.',
      ];
  for (const line of general) sheet.addRow([line]);
}

/**
 * Records by kind as an XLSX workbook: a sheet per template kind (every kind, so an empty register
 * gives the downloadable template) and a help sheet.
 */
export async function writeXlsx(
  records: Partial<Record<TemplateKind, readonly TabularRecord[]>>,
  lang: Lang,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stapel';
  for (const kind of TEMPLATE_KINDS) addKindSheet(workbook, kind, records[kind] ?? [], lang);
  addHelpSheet(workbook, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The empty XLSX template. */
export const templateXlsx = (lang: Lang): Promise<Buffer> => writeXlsx({}, lang);
