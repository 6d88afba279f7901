/**
 * Writes a DORA register of information as the EBA's xBRL-CSV "plain-csv" report package, with the
 * structure of the EBA's sample: a ZIP holding the folder
 * `<LEI>.<CON|IND>_<country>_DORA010100_DORA_<reference date>_<timestamp>` with
 * META-INF/reportPackage.json, reports/report.json, parameters.csv, FilingIndicators.csv and all
 * fifteen b_XX.XX.csv files, each headed by every column of its template in the taxonomy's order.
 * The same report gives the same bytes (entry times are the package's own timestamp).
 */
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { DORA_TEMPLATES, templateFile, type DoraReport } from './dora-model.js';
import { DORA_MODULE_URL } from './package-reader.js';
import { doraTables } from './taxonomy.js';

export function packageName(report: DoraReport): string {
  return `${report.entityLei}.${report.consolidation}_${report.country}_DORA010100_DORA_${report.refPeriod}_${report.createdAt}`;
}

/** The package's timestamp (yyyyMMddHHmmssSSS) as a date, for the ZIP entries. */
function entryDate(createdAt: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(createdAt);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : new Date(Date.UTC(2000, 0, 1));
}

export async function writeDoraPackage(report: DoraReport): Promise<{ name: string; bytes: Buffer }> {
  const name = packageName(report);
  const mtime = entryDate(report.createdAt);
  const zip = new yazl.ZipFile();
  const add = (path: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), `${name}/${path}`, { mtime });
  zip.addEmptyDirectory(`${name}/`, { mtime });
  zip.addEmptyDirectory(`${name}/META-INF/`, { mtime });
  add(
    'META-INF/reportPackage.json',
    JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/report-package/2023' } }, null, 2) + '\n',
  );
  zip.addEmptyDirectory(`${name}/reports/`, { mtime });
  add(
    'reports/report.json',
    JSON.stringify(
      { documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: [DORA_MODULE_URL] } },
      null,
      4,
    ) + '\n',
  );
  add(
    'reports/parameters.csv',
    stringify([
      ['name', 'value'],
      ['entityID', `rs:${report.entityLei}.${report.consolidation}`],
      ['refPeriod', report.refPeriod],
      ['baseCurrency', `iso4217:${report.baseCurrency}`],
      ['decimalsInteger', '0'],
      ['decimalsMonetary', '-3'],
    ]),
  );
  add(
    'reports/FilingIndicators.csv',
    stringify([
      ['templateID', 'reported'],
      ...DORA_TEMPLATES.map((t) => [t, String(report.filingIndicators[t] || report.tables[t].length > 0)]),
    ]),
  );
  const tables = doraTables();
  for (const t of DORA_TEMPLATES) {
    const codes = tables[t].columns.map((c) => c.code);
    add(
      `reports/${templateFile(t)}`,
      stringify([codes, ...report.tables[t].map((row) => codes.map((c) => row[c] ?? ''))]),
    );
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { name, bytes: Buffer.concat(chunks) };
}
