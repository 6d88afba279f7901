/**
 * Reads a DORA register of information as the EBA's xBRL-CSV "plain-csv" report package: a ZIP
 * holding one folder with META-INF/reportPackage.json, reports/report.json (extending the EBA's DORA
 * module), reports/parameters.csv, reports/FilingIndicators.csv and one b_XX.XX.csv per template. Every
 * column a template file names must be a column of that template in the taxonomy; the columns may come
 * in any order (the EBA's own sample does not follow the taxonomy's). Limits on entries and sizes guard
 * against ZIP bombs; every error names the package, the entry, and where possible the line and column.
 */
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { InputError, type Issue } from '../../domain/errors.js';
import { DORA_TEMPLATES, templateFile, type DoraReport, type DoraRow, type DoraTemplate } from './dora-model.js';
import { doraTables } from './taxonomy.js';

export const DORA_MAX_ENTRIES = 100;
export const DORA_MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const DORA_MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Uncompressed ÷ compressed above this is treated as a ZIP bomb (CSV compresses 10–20×). */
export const DORA_MAX_RATIO = 200;

export const DORA_MODULE_URL = 'http://www.eba.europa.eu/eu/fr/xbrl/crr/fws/dora/4.0/mod/dora.json';
/** <LEI>.<CON|IND>_<country>_DORA010100_DORA_<YYYY-MM-DD>_<yyyyMMddHHmmssSSS> */
export const PACKAGE_NAME = /^([A-Z0-9]+)\.(CON|IND)_([A-Z]{2})_DORA010100_DORA_(\d{4}-\d{2}-\d{2})_(\d{17})$/;

function fail(source: string, entry: string, message: string, at: (string | number)[] = []): never {
  const where = [entry, ...at.map(String)].filter(Boolean).join(', ');
  throw new InputError(
    `${source}: ${where ? `${where}: ` : ''}${message}`,
    [{ path: [entry, ...at], message }],
    source,
  );
}

/** Every file of the package by its path inside the top folder, after the size and ratio checks. */
async function entries(bytes: Uint8Array, source: string): Promise<{ folder: string; files: Map<string, Buffer> }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        Buffer.from(bytes),
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
        (e, z) => (e ? reject(e) : resolve(z)),
      ),
    );
  } catch (err) {
    return fail(source, '', `not a ZIP file (${(err as Error).message})`);
  }
  const files = new Map<string, Buffer>();
  const folders = new Set<string>();
  let total = 0;
  let count = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        const onEntry = (e: yauzl.Entry) => (cleanup(), resolve(e));
        const onEnd = () => (cleanup(), resolve(undefined));
        const onError = (e: Error) => (cleanup(), reject(e));
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      });
      if (!entry) break;
      if (++count > DORA_MAX_ENTRIES) fail(source, '', `more than ${DORA_MAX_ENTRIES} entries: not a DORA package`);
      const name = entry.fileName;
      const slash = name.indexOf('/');
      if (slash <= 0)
        fail(source, name, 'every file of a report package lies inside one folder named after the package');
      folders.add(name.slice(0, slash));
      if (name.endsWith('/')) continue;
      const size = entry.uncompressedSize;
      if (size > DORA_MAX_ENTRY_BYTES)
        fail(source, name, `is ${size} bytes unpacked, more than ${DORA_MAX_ENTRY_BYTES}`);
      if (size > 1024 * 1024 && size / Math.max(1, entry.compressedSize) > DORA_MAX_RATIO)
        fail(
          source,
          name,
          `unpacks ${Math.round(size / Math.max(1, entry.compressedSize))}× its packed size: refused as a ZIP bomb`,
        );
      total += size;
      if (total > DORA_MAX_TOTAL_BYTES)
        fail(source, name, `the package unpacks to more than ${DORA_MAX_TOTAL_BYTES} bytes`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      files.set(name.slice(slash + 1), Buffer.concat(chunks));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    return fail(source, '', `the ZIP file is damaged (${(err as Error).message})`);
  } finally {
    zip.close();
  }
  if (folders.size !== 1) fail(source, '', `expected one top folder, found ${folders.size || 'none'}`);
  return { folder: [...folders][0]!, files };
}

function csv(
  source: string,
  entry: string,
  data: Buffer,
): { header: string[]; rows: { line: number; cells: string[] }[] } {
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

function json(source: string, entry: string, files: Map<string, Buffer>): Record<string, unknown> {
  const data = files.get(entry);
  if (!data) fail(source, entry, 'is missing: a DORA report package holds it');
  try {
    return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    return fail(source, entry, `is not JSON: ${(err as Error).message}`);
  }
}

export async function readDoraPackage(bytes: Uint8Array, source: string): Promise<DoraReport> {
  const { folder, files } = await entries(bytes, source);
  const pkg = json(source, 'META-INF/reportPackage.json', files);
  const pkgType = (pkg.documentInfo as { documentType?: string } | undefined)?.documentType;
  if (pkgType !== 'https://xbrl.org/report-package/2023')
    fail(
      source,
      'META-INF/reportPackage.json',
      `documentType is "${String(pkgType)}", not an xBRL report package (https://xbrl.org/report-package/2023)`,
    );
  const report = json(source, 'reports/report.json', files);
  const info = report.documentInfo as { documentType?: string; extends?: string[] } | undefined;
  if (info?.documentType !== 'https://xbrl.org/2021/xbrl-csv' || !info.extends?.includes(DORA_MODULE_URL))
    fail(
      source,
      'reports/report.json',
      `is not an xBRL-CSV report of the EBA DORA 4.0 module (it must extend ${DORA_MODULE_URL})`,
    );

  const parametersEntry = 'reports/parameters.csv';
  const parameters = new Map<string, string>();
  const p = files.get(parametersEntry) ?? fail(source, parametersEntry, 'is missing: a DORA report package holds it');
  for (const row of csv(source, parametersEntry, p).rows) parameters.set(row.cells[0]!, row.cells[1] ?? '');
  const entity = /^rs:([A-Z0-9]+)\.(CON|IND)$/.exec(parameters.get('entityID') ?? '');
  if (!entity)
    fail(
      source,
      parametersEntry,
      `entityID "${parameters.get('entityID') ?? ''}" is not "rs:<LEI>.CON" or "rs:<LEI>.IND"`,
    );
  const refPeriod = parameters.get('refPeriod') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(refPeriod)) fail(source, parametersEntry, `refPeriod "${refPeriod}" is not a date`);
  const currency = /^iso4217:([A-Z]{3})$/.exec(parameters.get('baseCurrency') ?? '');
  if (!currency)
    fail(source, parametersEntry, `baseCurrency "${parameters.get('baseCurrency') ?? ''}" is not "iso4217:<code>"`);

  const name = PACKAGE_NAME.exec(folder);
  const filingIndicators = Object.fromEntries(DORA_TEMPLATES.map((t) => [t, false])) as Record<DoraTemplate, boolean>;
  const fiEntry = 'reports/FilingIndicators.csv';
  const fi = files.get(fiEntry) ?? fail(source, fiEntry, 'is missing: a DORA report package holds it');
  for (const row of csv(source, fiEntry, fi).rows) {
    const t = row.cells[0] as DoraTemplate;
    if (!DORA_TEMPLATES.includes(t))
      fail(source, fiEntry, `"${row.cells[0]}" is not a DORA template`, [`line ${row.line}`]);
    filingIndicators[t] = row.cells[1] === 'true';
  }

  const tables = {} as Record<DoraTemplate, DoraRow[]>;
  const defs = doraTables();
  for (const template of DORA_TEMPLATES) {
    const entry = `reports/${templateFile(template)}`;
    const data = files.get(entry);
    if (!data) {
      if (filingIndicators[template]) fail(source, entry, `is missing while FilingIndicators.csv reports ${template}`);
      tables[template] = [];
      continue;
    }
    const known = new Set(defs[template].columns.map((c) => c.code));
    const { header, rows } = csv(source, entry, data);
    const issues: Issue[] = [];
    header.forEach((code) => {
      if (!known.has(code))
        issues.push({ path: [entry, 'line 1', code], message: `"${code}" is not a column of ${template}` });
    });
    if (new Set(header).size !== header.length)
      issues.push({ path: [entry, 'line 1'], message: 'a column is named twice' });
    if (issues.length)
      throw new InputError(
        `${source}: ${entry}, line 1: ${issues.map((i) => i.message).join('; ')} (its columns are ${[...known].join(', ')})`,
        issues,
        source,
      );
    tables[template] = rows.map((r) => {
      const row: DoraRow = {};
      header.forEach((code, i) => {
        const v = r.cells[i] ?? '';
        if (v !== '') row[code] = v;
      });
      return row;
    });
  }
  return {
    entityLei: entity[1]!,
    consolidation: entity[2] as 'CON' | 'IND',
    country: name?.[3] ?? '',
    refPeriod,
    baseCurrency: currency[1]!,
    createdAt: name?.[5] ?? '',
    filingIndicators,
    tables,
  };
}
