/**
 * Reading and writing single spreadsheet cells by their column's value type: numbers with a decimal
 * point or comma, yes/no in Dutch and English, lists separated by ";", vocabulary codes or labels,
 * dates, country codes or names, and keys. A CSV cell arrives as text; an XLSX cell may arrive as a
 * number, boolean or date, and is taken as such where the column allows it.
 */
import { ID_PATTERN, slugId, type Lang, type RefKind } from '../../domain/index.js';
import type { KnowledgeIndex } from '../../analysis/knowledge-index.js';
import {
  describeValueType,
  describeVocabulary,
  endKindByWord,
  normaliseWord,
  vocabularyCode,
  type Column,
  type ValueType,
} from './columns.js';

/** A cell as a reader hands it over. */
export type RawCell = string | number | boolean | Date | undefined;

/** The outcome of reading one cell. */
export type CellValue =
  | { empty: true }
  /** For references: the keys or names written; for dependency ends: the kind and/or text. */
  | { value: unknown }
  | { problem: string };

export interface CellContext {
  /** The ISO code of a country name in Dutch or English, from the knowledge base. */
  countryByName(name: string): string | undefined;
}

const countryNameCache = new WeakMap<KnowledgeIndex, Map<string, string>>();

/** A CellContext whose country names come from the knowledge base's country list. */
export function cellContext(kb: KnowledgeIndex): CellContext {
  let names = countryNameCache.get(kb);
  if (!names) {
    names = new Map();
    for (const c of kb.kb.countries.countries) {
      names.set(normaliseWord(c.name.nl), c.code);
      names.set(normaliseWord(c.name.en), c.code);
    }
    countryNameCache.set(kb, names);
  }
  const byName = names;
  return { countryByName: (name) => byName.get(normaliseWord(name)) };
}

// Codes people write that ISO 3166-1 spells otherwise (the EU's own abbreviations, "UK").
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE_WORDS = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

// Excel opens a CSV cell that starts with one of these as a formula; the CSV writer puts a "'" in
// front (OWASP's advice against CSV injection) and the reader takes it off again.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as written in a CSV cell: "'" before what Excel would take for a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
const unguardFormula = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

/** Text of a cell that is not text: a number as written, a date as YYYY-MM-DD. */
function asText(raw: Exclude<RawCell, undefined>): string {
  if (raw instanceof Date) return isoDateOf(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  return String(raw);
}

/** The calendar date of a date cell. Excel dates carry no zone: exceljs gives them as UTC midnight. */
function isoDateOf(date: Date): string {
  // Float arithmetic in serial dates can land a millisecond before midnight; round to the day.
  const day = new Date(Math.round(date.getTime() / 86_400_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** An Excel serial day number (days since 1899-12-30) as a date. */
const serialDate = (serial: number): string => isoDateOf(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));

function validDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD (optionally followed by a time) or the Dutch DD-MM-YYYY (also with "/" or "."). */
export function parseDateText(text: string): string | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/**
 * A number written with a decimal point or a decimal comma. With both, the last one is the decimal
 * separator ("1.234,5", "1,234.5"); a separator that occurs more than once separates thousands
 * ("1.000.000"), in groups of three. One "." is a decimal point, so the Dutch "1.000" reads as 1:
 * write 1000.
 */
export function parseNumberText(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '');
  const count = (c: string) => t.split(c).length - 1;
  const grouped = (s: string, sep: string) => new RegExp(`^[+-]?\\d{1,3}(\\${sep}\\d{3})+$`).test(s);
  let plain: string;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const [thousands, decimal, at]: [string, string, number] = comma > dot ? ['.', ',', comma] : [',', '.', dot];
    const whole = t.slice(0, at);
    if (count(decimal) > 1 || !grouped(whole, thousands)) return undefined;
    plain = `${whole.split(thousands).join('')}.${t.slice(at + 1)}`;
  } else if (count(',') > 1 || count('.') > 1) {
    const sep = count(',') > 1 ? ',' : '.';
    if (!grouped(t, sep)) return undefined;
    plain = t.split(sep).join('');
  } else plain = t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

/** The values of a list cell; vocabulary and country lists may also use "," (their values hold none). */
function splitList(text: string, commas: boolean): string[] {
  const parts = text.split(commas ? /[;,\n]/ : /[;\n]/).map((s) => s.trim());
  return [...new Set(parts.filter(Boolean))];
}

/** The record id a key cell names: the key itself when it is a valid id, otherwise its slug. */
export function keyToId(text: string): string {
  return ID_PATTERN.test(text) ? text : slugId(text);
}

function parseCountry(text: string, ctx: CellContext): string | undefined {
  if (/^[a-z]{2}$/i.test(text)) {
    const code = text.toUpperCase();
    return COUNTRY_ALIASES[code] ?? code;
  }
  return ctx.countryByName(text);
}

/** Reads one cell by its column's value type. */
export function parseCell(column: Column, raw: RawCell, ctx: CellContext): CellValue {
  if (raw === undefined) return { empty: true };
  const value = column.value;
  // Typed XLSX cells, where the column takes that type as it is.
  if (typeof raw === 'number' && (value.type === 'number' || value.type === 'integer')) return checkNumber(value, raw);
  if (typeof raw === 'boolean' && value.type === 'boolean') return { value: raw };
  if (raw instanceof Date && value.type === 'date') return { value: isoDateOf(raw) };
  if (typeof raw === 'number' && value.type === 'date') return { value: serialDate(raw) };

  const text = unguardFormula(asText(raw).trim());
  if (!text) return { empty: true };
  const quoted = `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
  switch (value.type) {
    case 'key':
      return { value: text };
    case 'text':
      return { value: text };
    case 'identifier':
      return { value: text.replace(/\s+/g, '').toUpperCase() };
    case 'integer':
    case 'number': {
      const n = parseNumberText(text);
      if (n === undefined) return { problem: `${quoted} is not a number; use a ${describeValueType(value, 'en')}` };
      return checkNumber(value, n, quoted);
    }
    case 'boolean': {
      const word = normaliseWord(text);
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: `${quoted} is not yes or no; use ja/nee, yes/no, true/false or 1/0` };
    }
    case 'list':
      return { value: splitList(text, false) };
    case 'enum': {
      const words = value.many ? splitList(text, true) : [text];
      const codes: string[] = [];
      for (const w of words) {
        const code = vocabularyCode(value.vocabulary, w);
        if (code === undefined)
          return {
            problem: `"${w}" is not allowed; use ${value.many ? 'values from' : 'one of'}: ${describeVocabulary(value.vocabulary, 'en')}`,
          };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: value.many ? codes : codes[0] };
    }
    case 'date': {
      const date = parseDateText(text);
      return date === undefined
        ? { problem: `${quoted} is not a date; use YYYY-MM-DD (or DD-MM-YYYY)` }
        : { value: date };
    }
    case 'country': {
      const words = value.many ? splitList(text, true) : [text];
      const codes: string[] = [];
      for (const w of words) {
        const code = parseCountry(w, ctx);
        if (code === undefined)
          return {
            problem: `"${w}" is not a country; use a two-letter ISO 3166-1 code such as NL or DE, or the country's name`,
          };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: value.many ? codes : codes[0] };
    }
    case 'ref':
      return { value: value.many ? splitList(text, false) : [text] };
    case 'endKind': {
      const kind = endKindByWord(value.kinds, text);
      return kind
        ? { value: kind }
        : { problem: `"${text}" is not a kind of record allowed here; use ${describeValueType(value, 'en')}` };
    }
    case 'end':
      return { value: text };
  }
}

function checkNumber(value: ValueType, n: number, quoted = String(n)): CellValue {
  if (value.type === 'integer' && !Number.isInteger(n)) return { problem: `${quoted} is not a whole number` };
  return { value: n };
}

/** What a writer puts in a cell: text for CSV; for XLSX also numbers and dates. */
export type WrittenCell = string | number | Date | undefined;

/**
 * Writes one spec value by its column's value type: enums as codes, lists joined with "; ",
 * booleans as ja/nee or yes/no, dates as YYYY-MM-DD (a date cell in XLSX), numbers as numbers (in
 * a Dutch CSV with a decimal comma, as Dutch Excel reads them). References are the ids they hold.
 */
export function formatCell(column: Column, value: unknown, lang: Lang, target: 'csv' | 'xlsx'): WrittenCell {
  if (value === undefined || value === null) return undefined;
  const v = column.value;
  switch (v.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number') return String(value);
      if (target === 'xlsx') return value;
      return lang === 'nl' ? String(value).replace('.', ',') : String(value);
    case 'boolean':
      return value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no';
    case 'date':
      if (target === 'xlsx' && typeof value === 'string' && parseDateText(value)) return new Date(`${value}T00:00:00Z`);
      return String(value);
    case 'list':
    case 'enum':
    case 'country':
    case 'ref': {
      const text = Array.isArray(value) ? value.map(String).join('; ') : String(value);
      return text === '' ? undefined : text;
    }
    default:
      return String(value);
  }
}

/** The kind and id of a dependency end written as "kind:id", or the text as it is. */
export function splitEnd(text: string, kinds: readonly RefKind[]): { kind?: RefKind; text: string } {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const kind = kinds.find((k) => k === text.slice(0, colon).trim().toLowerCase());
    const rest = text.slice(colon + 1).trim();
    if (kind && rest) return { kind, text: rest };
  }
  return { text };
}
