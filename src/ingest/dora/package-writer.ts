/**
 * Writes a DORA register of information as the EBA's xBRL-CSV "plain-csv" report package, with the
 * structure of the EBA's sample: a ZIP holding the folder
 * `<LEI>.<CON|IND>_<country>_DORA010100_DORA_<reference date>_<timestamp>` with
 * META-INF/reportPackage.json, reports/report.json, parameters.csv, FilingIndicators.csv and all
 * fifteen b_XX.XX.csv files, each headed by every column of its template in the taxonomy's order
 * (also when it has no rows). CSV as RFC 4180 writes it (CRLF, quotes where needed), like the sample.
 *
 * The same report gives the same bytes: entries are written in a fixed order and dated with the
 * package's own timestamp (createdAt), as DOS local time fields, whatever the machine's time zone.
 * What the report says is written as it says it — filing indicators included; checking it is
 * preflight.ts's job.
 */
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { InputError } from '../../domain/errors.js';
import { DORA_TEMPLATES, templateFile, type DoraReport } from './dora-model.js';
import { DORA_MODULE_URL, REPORT_PACKAGE_TYPE, XBRL_CSV_TYPE } from './package-reader.js';
import { doraTables } from './taxonomy.js';

/** The package's name, also the name of its one folder: the EBA's file naming convention. */
export function packageName(report: DoraReport): string {
  return `${report.entityLei}.${report.consolidation}_${report.country}_DORA010100_DORA_${report.refPeriod}_${report.createdAt}`;
}

/** The package's timestamp (yyyyMMddHHmmssSSS) as the local date whose fields yazl writes into the ZIP. */
function entryDate(createdAt: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(createdAt);
  return m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : new Date(1980, 0, 1);
}

const csv = (records: string[][]): string => stringify(records, { record_delimiter: 'windows' });

/** Every cell a row holds must be a column of its template: a value is never dropped silently. */
function checkColumns(report: DoraReport): void {
  const tables = doraTables();
  const issues = DORA_TEMPLATES.flatMap((t) => {
    const known = new Set(tables[t].columns.map((c) => c.code));
    return report.tables[t].flatMap((row, i) =>
      Object.keys(row)
        .filter((code) => !known.has(code))
        .map((code) => ({ path: [templateFile(t), `row ${i + 1}`, code], message: `${t} has no column ${code}` })),
    );
  });
  if (issues.length)
    throw new InputError(
      `cannot write the DORA package: ${issues.map((i) => `${i.path.join(', ')}: ${i.message}`).join('; ')}`,
      issues,
    );
  if (!/^\d{17}$/.test(report.createdAt))
    throw new InputError(`cannot write the DORA package: createdAt "${report.createdAt}" is not yyyyMMddHHmmssSSS`, [
      { path: ['createdAt'], message: 'not yyyyMMddHHmmssSSS' },
    ]);
}

export async function writeDoraPackage(report: DoraReport): Promise<{ name: string; bytes: Buffer }> {
  checkColumns(report);
  const name = packageName(report);
  const options = { mtime: entryDate(report.createdAt), forceDosTimestamp: true };
  const zip = new yazl.ZipFile();
  const folder = (path: string) => zip.addEmptyDirectory(`${name}/${path}`, options);
  const file = (path: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), `${name}/${path}`, options);

  folder('');
  folder('META-INF/');
  file('META-INF/reportPackage.json', JSON.stringify({ documentInfo: { documentType: REPORT_PACKAGE_TYPE } }, null, 2));
  folder('reports/');
  const tables = doraTables();
  for (const t of DORA_TEMPLATES) {
    const codes = tables[t].columns.map((c) => c.code);
    file(`reports/${templateFile(t)}`, csv([codes, ...report.tables[t].map((row) => codes.map((c) => row[c] ?? ''))]));
  }
  file(
    'reports/FilingIndicators.csv',
    csv([['templateID', 'reported'], ...DORA_TEMPLATES.map((t) => [t, String(report.filingIndicators[t])])]),
  );
  file(
    'reports/parameters.csv',
    csv([
      ['name', 'value'],
      ['entityID', `rs:${report.entityLei}.${report.consolidation}`],
      ['refPeriod', report.refPeriod],
      ['baseCurrency', `iso4217:${report.baseCurrency}`],
      // The xBRL precision of integer and monetary facts, as the EBA sample states it.
      ['decimalsInteger', '0'],
      ['decimalsMonetary', '-3'],
    ]),
  );
  file(
    'reports/report.json',
    JSON.stringify({ documentInfo: { documentType: XBRL_CSV_TYPE, extends: [DORA_MODULE_URL] } }, null, 4),
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { name, bytes: Buffer.concat(chunks) };
}
