/**
 * What the CSV and XLSX readers share: working out from a header row which kind of record a table
 * holds and which column each header is, and turning one line of cells into an ImportRow — spec
 * fields, references as RowLinks, the fields the file owns, and cell problems located by column.
 */
import { InputError, type Lang, type RefKind } from '../../domain/index.js';
import { formatLocation, type ImportRow, type RowLink, type SourceLocation } from '../register-import.js';
import { keyToId, parseCell, splitEnd, type CellContext, type RawCell } from './cells.js';
import {
  TEMPLATES,
  TEMPLATE_KINDS,
  columnByHeader,
  normaliseWord,
  ownedField,
  type Column,
  type TemplateKind,
} from './columns.js';

/** Most rows one table (a CSV file, a sheet) may have: registers run to thousands, not millions. */
export const MAX_TABLE_ROWS = 100_000;

export interface HeaderMap {
  kind: TemplateKind;
  /** The headers as the file writes them, by position. */
  headers: string[];
  /** The column at each position; undefined where the header is empty. */
  columns: (Column | undefined)[];
  /** The language most headers are in. */
  lang: Lang;
  /** The spec fields the table's columns fill: every row owns them (ImportRow.owns). */
  owns: string[];
}

const headerList = (kind: TemplateKind, lang: Lang) => TEMPLATES[kind].columns.map((c) => c.header[lang]).join(', ');

function langOf(kind: TemplateKind, headers: readonly string[]): Lang {
  let nl = 0;
  let en = 0;
  for (const h of headers) {
    const w = normaliseWord(h);
    const c = TEMPLATES[kind].columns.find((c) => normaliseWord(c.header.nl) === w || normaliseWord(c.header.en) === w);
    if (!c || c.header.nl === c.header.en) continue;
    if (normaliseWord(c.header.nl) === w) nl++;
    else en++;
  }
  return nl > en ? 'nl' : 'en';
}

/** The template kinds a file name suggests ("processen.csv", "Assets export.csv"). */
function kindsNamedIn(file: string): TemplateKind[] {
  const base = normaliseWord(file.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, ''));
  const words: Record<TemplateKind, string[]> = {
    process: ['processen', 'processes', 'process', 'proces'],
    party: ['partijen', 'parties', 'party', 'partij', 'leveranciers', 'suppliers'],
    product: ['producten', 'products', 'product'],
    asset: ['assets', 'asset', 'applicaties', 'applications'],
    dependency: ['afhankelijkheden', 'dependencies', 'dependency', 'afhankelijkheid'],
    contract: ['contracten', 'contracts', 'contract'],
    exitPlan: ['exitplannen', 'exit plans', 'exitplan', 'exit plan', 'exitplans'],
  };
  return TEMPLATE_KINDS.filter((k) => words[k].some((w) => base.includes(w)));
}

/**
 * Maps a header row (at `where`, line 1 unless it says otherwise) to a kind's columns. The kind is the given one (a sheet name, the import's kind
 * option) or the one template that has every header; when several do (a file of only Name and
 * Description), the file name decides. Throws an InputError for an unknown or repeated column, a
 * missing required one, or a kind that cannot be told.
 */
/** Whether any of the headers is a column of some template (a sheet of notes has none). */
export function hasTemplateColumn(rawHeaders: readonly string[]): boolean {
  return rawHeaders.some((h) => TEMPLATE_KINDS.some((k) => columnByHeader(TEMPLATES[k], h.trim())));
}

export function mapHeader(rawHeaders: readonly string[], where: SourceLocation, given?: TemplateKind): HeaderMap {
  const headers = rawHeaders.map((h) => h.trim());
  const named = headers.filter(Boolean);
  const headerLine = where.line ?? 1;
  const place = formatLocation({ ...where, line: headerLine });
  const fail = (message: string, column?: string): never => {
    throw new InputError(
      `${place}${column !== undefined ? `, column "${column}"` : ''}: ${message}`,
      [
        {
          path: [
            ...(where.sheet ? [where.sheet] : []),
            `line ${headerLine}`,
            ...(column !== undefined ? [column] : []),
          ],
          message,
        },
      ],
      where.file,
    );
  };
  if (!named.length) fail('the first line holds no column headers');

  let kind = given;
  if (!kind) {
    const fits = TEMPLATE_KINDS.filter((k) => named.every((h) => columnByHeader(TEMPLATES[k], h)));
    if (fits.length === 1) kind = fits[0];
    else if (fits.length > 1) {
      const hinted = kindsNamedIn(where.file).filter((k) => fits.includes(k));
      if (hinted.length === 1) kind = hinted[0];
      else
        fail(
          `the columns fit several kinds of record (${fits.map((k) => TEMPLATES[k].sheet.en.toLowerCase()).join(', ')}); ` +
            'name the kind in the file name (e.g. processen.csv) or with the import kind option',
        );
    } else {
      // No template has every header: blame the first unknown one, against the closest template.
      const score = (k: TemplateKind) => named.filter((h) => columnByHeader(TEMPLATES[k], h)).length;
      kind = [...TEMPLATE_KINDS].sort((a, b) => score(b) - score(a))[0]!;
      if (score(kind) === 0)
        fail(
          `none of the columns is a column of a register template (${TEMPLATE_KINDS.map((k) => TEMPLATES[k].sheet.en.toLowerCase()).join(', ')}); ` +
            'start from a template, whose first line holds the column headers',
        );
    }
  }
  const template = TEMPLATES[kind!];
  const lang = langOf(template.kind, named);
  const columns: (Column | undefined)[] = [];
  const seen = new Map<Column, string>();
  for (const h of headers) {
    if (!h) {
      columns.push(undefined);
      continue;
    }
    const column = columnByHeader(template, h);
    if (!column)
      fail(
        `unknown column for ${template.sheet.en.toLowerCase()}; the columns are: ${headerList(template.kind, lang)}` +
          (lang === 'nl' ? ` (or in English: ${headerList(template.kind, 'en')})` : ''),
        h,
      );
    if (seen.has(column!)) fail(`the column is there twice (also as "${seen.get(column!)}")`, h);
    seen.set(column!, h);
    columns.push(column);
  }
  for (const c of template.columns)
    if (c.required && !seen.has(c))
      fail(`the column ${c.header[lang]} is missing; ${template.sheet.en.toLowerCase()} need it`, undefined);
  const owns = [...new Set(columns.filter((c): c is Column => !!c && c.field !== '').map(ownedField))];
  return { kind: template.kind, headers, columns, lang, owns };
}

const isBlank = (raw: RawCell) => raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/** A row as built from the cells, with the key as the file wrote it (see `linkKeys`). */
export interface BuiltRow {
  row: ImportRow;
  writtenKey?: string;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/**
 * Builds the ImportRow of one line: undefined for a line with no value. `at` locates the line
 * (file, sheet, line); links and problems name the column as the header writes it.
 */
export function buildRow(
  map: HeaderMap,
  cells: readonly RawCell[],
  at: SourceLocation,
  ctx: CellContext,
  cellProblems: ReadonlyMap<number, string> = new Map(),
): BuiltRow | undefined {
  if (cells.every(isBlank) && !cellProblems.size) return undefined;
  const spec: Record<string, unknown> = {};
  const links: RowLink[] = [];
  const problems: { field?: string; message: string }[] = [];
  const ends = new Map<
    string,
    { kind?: RefKind; text?: string; kindColumn?: string; column?: string; reported?: boolean }
  >();
  let writtenKey: string | undefined;

  const width = Math.max(cells.length, map.columns.length);
  for (let i = 0; i < width; i++) {
    const column = map.columns[i];
    const header = map.headers[i] || `#${i + 1}`;
    const raw = cells[i];
    const cellProblem = cellProblems.get(i);
    if (cellProblem) {
      problems.push({ field: header, message: cellProblem });
      continue;
    }
    if (!column) {
      if (!isBlank(raw))
        problems.push({
          field: header,
          message: `a value in column ${i + 1}, which has no header: is a ";" or "," in a cell not quoted?`,
        });
      continue;
    }
    const parsed = parseCell(column, raw, ctx);
    if ('problem' in parsed) {
      problems.push({ field: header, message: parsed.problem });
      // The end's kind is wrong, not missing: one problem is enough.
      if (column.value.type === 'endKind') ends.set(column.field, { ...ends.get(column.field), reported: true });
      continue;
    }
    if (column.value.type === 'endKind' || column.value.type === 'end') {
      const end = ends.get(column.field) ?? {};
      ends.set(column.field, end);
      if (column.value.type === 'endKind') end.kindColumn = header;
      else end.column = header;
      if ('empty' in parsed) continue;
      if (column.value.type === 'endKind') end.kind = parsed.value as RefKind;
      else end.text = parsed.value as string;
      continue;
    }
    if ('empty' in parsed) continue;
    if (column.value.type === 'key') {
      writtenKey = parsed.value as string;
      continue;
    }
    if (column.value.type === 'ref') {
      const { kind, many } = column.value;
      for (const text of parsed.value as string[])
        links.push({ field: column.field, kind, text, ...(many ? { many } : {}), at: { ...at, column: header } });
      continue;
    }
    setPath(spec, column.field, parsed.value);
  }

  // A dependency end: its kind from the kind column, or written in the cell as "kind:key".
  for (const [field, end] of ends) {
    const column = map.columns.find((c) => c?.field === field && c.value.type === 'end')!;
    const kinds = column.value.type === 'end' ? column.value.kinds : [];
    if (end.text === undefined) {
      if (end.column !== undefined)
        problems.push({ field: end.column, message: `name the ${field === 'from' ? 'consumer' : 'provider'}` });
      continue;
    }
    const split = splitEnd(end.text, kinds);
    const kind = end.kind ?? split.kind;
    const text = end.kind && split.kind && split.kind !== end.kind ? end.text : split.text;
    if (!kind) {
      if (end.reported) continue;
      problems.push({
        field: end.kindColumn ?? end.column,
        message: `name the kind of the ${field === 'from' ? 'consumer' : 'provider'} (${kinds.join(', ')}), in the kind column or as "${kinds[0]}:<key>"`,
      });
      continue;
    }
    links.push({ field, kind, text, asRef: true, at: { ...at, column: end.column } });
  }

  const row: ImportRow = {
    key: map.kind,
    spec,
    owns: [...map.owns],
    links,
    at,
    ...(writtenKey !== undefined ? { id: keyToId(writtenKey) } : {}),
    ...(problems.length ? { problems } : {}),
  };
  return { row, ...(writtenKey !== undefined ? { writtenKey } : {}) };
}

/**
 * Keys written otherwise than as ids ("APP-001" is the record "app-001"): a reference in the same
 * import that writes such a key is pointed at the id, so the planner finds the row by its key.
 */
export function linkKeys(rows: readonly BuiltRow[]): void {
  const byKind = new Map<string, Map<string, string>>();
  for (const { row, writtenKey } of rows)
    if (writtenKey !== undefined && row.id !== undefined && writtenKey !== row.id) {
      const keys = byKind.get(row.key) ?? new Map<string, string>();
      byKind.set(row.key, keys);
      keys.set(writtenKey, row.id);
    }
  if (!byKind.size) return;
  for (const { row } of rows)
    for (const link of row.links ?? []) {
      const id = byKind.get(link.kind)?.get(link.text);
      if (id) link.text = id;
    }
}

/**
 * A note when a file has some but not all columns of a nested field: the planner replaces the field
 * as a whole, so the columns left out are cleared on update.
 */
export function partialNestedNote(map: HeaderMap, where: string): string | undefined {
  const present = new Set(map.columns.filter((c): c is Column => !!c).map((c) => c.field));
  const missing: string[] = [];
  for (const group of new Set(TEMPLATES[map.kind].columns.filter((c) => c.field.includes('.')).map(ownedField))) {
    const cols = TEMPLATES[map.kind].columns.filter((c) => ownedField(c) === group);
    if (cols.some((c) => present.has(c.field)) && !cols.every((c) => present.has(c.field)))
      missing.push(...cols.filter((c) => !present.has(c.field)).map((c) => c.header[map.lang]));
  }
  return missing.length
    ? `${where}: the columns ${missing.join(', ')} are missing; their values are cleared on update because the other columns of their group are present`
    : undefined;
}
