/**
 * Reads a DORA register of information as the EBA's xBRL-CSV "plain-csv" report package (taxonomy
 * 4.0): a ZIP holding one folder `<LEI>.<CON|IND>_<country>_DORA010100_DORA_<ref date>_<timestamp>`
 * with META-INF/reportPackage.json, reports/report.json (extending the EBA's DORA module),
 * reports/parameters.csv, reports/FilingIndicators.csv and one b_XX.XX.csv per template.
 *
 * Every column a template file names must be a column of that template in the taxonomy; the columns
 * may come in any order (the EBA's own sample does not follow the taxonomy's). Empty cells are left
 * out of the rows. Values are not checked here beyond what reading needs: that is preflight.ts.
 *
 * The package's name: the folder inside the ZIP must be named as above and agree with
 * parameters.csv (entity, CON/IND, reference date); the name of the ZIP file itself may be anything
 * (browsers rename downloads). Only when the folder's name does not fit the pattern is the ZIP
 * file's name used instead — if that fits and agrees with the contents; otherwise the package is
 * refused, because the country and the timestamp are written nowhere else.
 *
 * Limits on entries, sizes and compression ratio guard against ZIP bombs. Every error is an
 * InputError naming the package, the entry and where possible the line and column.
 */
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { nextZipEntry } from '../zip.js';
import { InputError, type Issue } from '../../domain/errors.js';
import { DORA_TEMPLATES, templateFile, type DoraReport, type DoraRow, type DoraTemplate } from './dora-model.js';
import { doraTables } from './taxonomy.js';

/** A package has 19 files and 3 folders; anything near this limit is not a DORA package. */
export const DORA_MAX_ENTRIES = 100;
export const DORA_MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const DORA_MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Unpacked ÷ packed above this is refused as a ZIP bomb (real CSV packs 5–30×). */
export const DORA_MAX_RATIO = 200;
/** Below this size an entry is not held to the ratio: tiny repetitive files pack extremely well. */
const RATIO_FLOOR_BYTES = 64 * 1024;

export const REPORT_PACKAGE_TYPE = 'https://xbrl.org/report-package/2023';
export const XBRL_CSV_TYPE = 'https://xbrl.org/2021/xbrl-csv';
export const DORA_MODULE_URL = 'http://www.eba.europa.eu/eu/fr/xbrl/crr/fws/dora/4.0/mod/dora.json';

/** <LEI>.<CON|IND>_<country>_DORA010100_DORA_<YYYY-MM-DD>_<yyyyMMddHHmmssSSS> */
export const PACKAGE_NAME = /^([A-Z0-9]{1,20})\.(CON|IND)_([A-Z]{2})_DORA010100_DORA_(\d{4}-\d{2}-\d{2})_(\d{17})$/;

export interface DoraPackageName {
  lei: string;
  consolidation: 'CON' | 'IND';
  country: string;
  refPeriod: string;
  createdAt: string;
}

/** The parts of a package name, or undefined when it does not fit the pattern. */
export function parsePackageName(name: string): DoraPackageName | undefined {
  const m = PACKAGE_NAME.exec(name);
  return m
    ? { lei: m[1]!, consolidation: m[2] as 'CON' | 'IND', country: m[3]!, refPeriod: m[4]!, createdAt: m[5]! }
    : undefined;
}

const PACKAGE_FILE = 'META-INF/reportPackage.json';
const REPORT_FILE = 'reports/report.json';
const PARAMETERS_FILE = 'reports/parameters.csv';
const FILING_INDICATORS_FILE = 'reports/FilingIndicators.csv';

function fail(source: string, entry: string, message: string, at: string[] = []): never {
  const where = [entry, ...at].filter(Boolean).join(', ');
  throw new InputError(
    `${source}: ${where ? `${where}: ` : ''}${message}`,
    [{ path: [entry, ...at], message }],
    source,
  );
}

/** Every file of the package by its path inside the top folder, after the size and ratio checks. */
async function unzip(bytes: Uint8Array, source: string): Promise<{ folder: string; files: Map<string, Buffer> }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
        (e, z) => (e ? reject(e) : resolve(z)),
      ),
    );
  } catch (err) {
    return fail(source, '', `not a ZIP file (${(err as Error).message}); a DORA report package is a ZIP`);
  }
  const files = new Map<string, Buffer>();
  const folders = new Set<string>();
  let total = 0;
  let count = 0;
  try {
    for (let entry = await nextZipEntry(zip); entry; entry = await nextZipEntry(zip)) {
      if (++count > DORA_MAX_ENTRIES) fail(source, '', `more than ${DORA_MAX_ENTRIES} entries: not a DORA package`);
      const name = entry.fileName;
      const slash = name.indexOf('/');
      if (slash <= 0) fail(source, name, 'lies outside the one folder named after the package that holds every file');
      folders.add(name.slice(0, slash));
      if (name.endsWith('/')) continue;
      const inner = name.slice(slash + 1);
      if (files.has(inner)) fail(source, inner, 'is in the package twice');
      const size = entry.uncompressedSize;
      if (size > DORA_MAX_ENTRY_BYTES)
        fail(source, inner, `unpacks to ${size} bytes, more than ${DORA_MAX_ENTRY_BYTES}`);
      const ratio = size / Math.max(1, entry.compressedSize);
      if (size > RATIO_FLOOR_BYTES && ratio > DORA_MAX_RATIO)
        fail(source, inner, `unpacks to ${Math.round(ratio)}× its packed size: refused as a ZIP bomb`);
      total += size;
      if (total > DORA_MAX_TOTAL_BYTES)
        fail(source, inner, `the package unpacks to more than ${DORA_MAX_TOTAL_BYTES} bytes`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry!, (e, s) => (e ? reject(e) : resolve(s))),
      );
      // validateEntrySizes makes yauzl stop a stream that unpacks to more than the entry declares.
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      files.set(inner, Buffer.concat(chunks));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    return fail(source, '', `the ZIP file is damaged (${(err as Error).message})`);
  } finally {
    zip.close();
  }
  if (folders.size !== 1)
    fail(source, '', `a report package holds exactly one top folder; this one has ${folders.size || 'none'}`);
  return { folder: [...folders][0]!, files };
}

interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

function readCsv(source: string, entry: string, data: Buffer): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(data.toString('utf8').replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    return fail(source, entry, `not readable as CSV: ${e.message}`, e.lines ? [`line ${e.lines}`] : []);
  }
  if (!records.length) fail(source, entry, 'has no header row', ['line 1']);
  return { header: records[0]!.record, rows: records.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function required(source: string, files: Map<string, Buffer>, entry: string): Buffer {
  return files.get(entry) ?? fail(source, entry, 'is missing: every DORA report package holds it');
}

function readJson(source: string, files: Map<string, Buffer>, entry: string): Record<string, unknown> {
  const data = required(source, files, entry);
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail(source, entry, `is not JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(source, entry, 'is not a JSON object');
  return value as Record<string, unknown>;
}

/** parameters.csv: name,value rows. */
function readParameters(source: string, files: Map<string, Buffer>) {
  const { header, rows } = readCsv(source, PARAMETERS_FILE, required(source, files, PARAMETERS_FILE));
  if (header[0] !== 'name' || header[1] !== 'value')
    fail(source, PARAMETERS_FILE, `the header is "${header.join(',')}", not "name,value"`, ['line 1']);
  const values = new Map<string, { value: string; line: number }>();
  for (const r of rows) values.set(r.cells[0] ?? '', { value: r.cells[1] ?? '', line: r.line });
  const get = (name: string, pattern: RegExp, what: string): RegExpExecArray => {
    const p = values.get(name);
    if (!p) return fail(source, PARAMETERS_FILE, `has no ${name} parameter (${what})`);
    return (
      pattern.exec(p.value) ??
      fail(source, PARAMETERS_FILE, `${name} "${p.value}" is not ${what}`, [`line ${p.line}`, name])
    );
  };
  const entity = get('entityID', /^rs:([A-Z0-9]{1,20})\.(CON|IND)$/, '"rs:<LEI>.CON" or "rs:<LEI>.IND"');
  const refPeriod = get('refPeriod', /^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
  const currency = get('baseCurrency', /^iso4217:([A-Z]{3})$/, '"iso4217:<currency code>"');
  for (const name of ['decimalsInteger', 'decimalsMonetary'])
    if (values.has(name)) get(name, /^-?\d+$/, 'a whole number (xBRL decimals)');
  return {
    entityLei: entity[1]!,
    consolidation: entity[2] as 'CON' | 'IND',
    refPeriod: refPeriod[0],
    baseCurrency: currency[1]!,
  };
}

/** FilingIndicators.csv: templateID,reported rows; a template it does not name is not reported. */
function readFilingIndicators(source: string, files: Map<string, Buffer>): Record<DoraTemplate, boolean> {
  const entry = FILING_INDICATORS_FILE;
  const { header, rows } = readCsv(source, entry, required(source, files, entry));
  if (header[0] !== 'templateID' || header[1] !== 'reported')
    fail(source, entry, `the header is "${header.join(',')}", not "templateID,reported"`, ['line 1']);
  const out = Object.fromEntries(DORA_TEMPLATES.map((t) => [t, false])) as Record<DoraTemplate, boolean>;
  for (const { line, cells } of rows) {
    const [t = '', reported = ''] = cells;
    if (!DORA_TEMPLATES.includes(t as DoraTemplate))
      fail(source, entry, `"${t}" is not a template of the DORA register`, [`line ${line}`, 'templateID']);
    if (reported !== 'true' && reported !== 'false')
      fail(source, entry, `reported is "${reported}", not true or false`, [`line ${line}`, 'reported']);
    out[t as DoraTemplate] = reported === 'true';
  }
  return out;
}

function readTemplate(source: string, template: DoraTemplate, data: Buffer): DoraRow[] {
  const entry = `reports/${templateFile(template)}`;
  const def = doraTables()[template];
  const known = new Set(def.columns.map((c) => c.code));
  const { header, rows } = readCsv(source, entry, data);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const code of header) {
    if (!known.has(code))
      issues.push({ path: [entry, 'line 1', code], message: `"${code}" is not a column of ${template}` });
    else if (seen.has(code)) issues.push({ path: [entry, 'line 1', code], message: `column "${code}" is named twice` });
    seen.add(code);
  }
  if (issues.length)
    throw new InputError(
      `${source}: ${entry}, line 1: ${issues.map((i) => i.message).join('; ')} (the columns of ${template} in taxonomy 4.0 are ${[...known].join(', ')})`,
      issues,
      source,
    );
  return rows.map(({ cells }) => {
    const row: DoraRow = {};
    header.forEach((code, i) => {
      const v = cells[i] ?? '';
      if (v !== '') row[code] = v;
    });
    return row;
  });
}

/** The package's name: its folder's, or failing that the ZIP file's; checked against parameters.csv. */
function packageName(
  source: string,
  folder: string,
  params: { entityLei: string; consolidation: 'CON' | 'IND'; refPeriod: string },
): DoraPackageName {
  const fileName = source.replace(/^.*[/\\]/, '').replace(/\.zip$/i, '');
  const name = parsePackageName(folder) ?? parsePackageName(fileName);
  if (!name)
    fail(
      source,
      `${folder}/`,
      'the folder is not named <LEI>.<CON|IND>_<country>_DORA010100_DORA_<reference date>_<yyyyMMddHHmmssSSS> (nor is the ZIP file), so the country and the time of the package are unknown',
    );
  const disagree = (
    [
      ['entity', name.lei, params.entityLei],
      ['consolidation', name.consolidation, params.consolidation],
      ['reference date', name.refPeriod, params.refPeriod],
    ] as const
  ).filter(([, a, b]) => a !== b);
  if (disagree.length)
    fail(
      source,
      PARAMETERS_FILE,
      `says ${disagree.map(([what, , b]) => `${what} ${b}`).join(', ')} but the package is named ${disagree.map(([, a]) => a).join(', ')}`,
    );
  return name;
}

export async function readDoraPackage(bytes: Uint8Array, source: string): Promise<DoraReport> {
  const { folder, files } = await unzip(bytes, source);

  const pkg = readJson(source, files, PACKAGE_FILE);
  const pkgType = (pkg.documentInfo as { documentType?: unknown } | undefined)?.documentType;
  if (pkgType !== REPORT_PACKAGE_TYPE)
    fail(
      source,
      PACKAGE_FILE,
      `documentType is "${String(pkgType)}", not an xBRL report package (${REPORT_PACKAGE_TYPE})`,
    );
  const report = readJson(source, files, REPORT_FILE);
  const info = report.documentInfo as { documentType?: unknown; extends?: unknown } | undefined;
  if (info?.documentType !== XBRL_CSV_TYPE)
    fail(source, REPORT_FILE, `documentType is "${String(info?.documentType)}", not xBRL-CSV (${XBRL_CSV_TYPE})`);
  if (!Array.isArray(info.extends) || !info.extends.includes(DORA_MODULE_URL))
    fail(source, REPORT_FILE, `does not extend the EBA DORA 4.0 module (${DORA_MODULE_URL})`);

  const params = readParameters(source, files);
  const name = packageName(source, folder, params);
  const filingIndicators = readFilingIndicators(source, files);

  const tables = {} as Record<DoraTemplate, DoraRow[]>;
  for (const template of DORA_TEMPLATES) {
    const entry = `reports/${templateFile(template)}`;
    const data = files.get(entry);
    if (!data && filingIndicators[template])
      fail(source, entry, `is missing while ${FILING_INDICATORS_FILE} reports ${template}`);
    tables[template] = data ? readTemplate(source, template, data) : [];
  }
  return {
    entityLei: params.entityLei,
    consolidation: params.consolidation,
    country: name.country,
    refPeriod: params.refPeriod,
    baseCurrency: params.baseCurrency,
    createdAt: name.createdAt,
    filingIndicators,
    tables,
  };
}
