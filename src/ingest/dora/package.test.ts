import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { DORA_TEMPLATES, templateFile, type DoraReport } from './dora-model.js';
import { DORA_MAX_RATIO, parsePackageName, readDoraPackage } from './package-reader.js';
import { writeDoraPackage } from './package-writer.js';
import { columnLabel, doraTables, readTaxonomyFile } from './taxonomy.js';
import { rejectedInputError } from '../../../test/helpers/errors.js';

const NAME = 'DUMMYLEI123456789012.CON_FR_DORA010100_DORA_2024-12-31_20241213174803429';
const SAMPLE = `${NAME}.zip`;
const sampleBytes = readFileSync(new URL(`../../../test/fixtures/dora/${SAMPLE}`, import.meta.url));

/** Every entry of a ZIP: name → content (folders with an empty buffer). */
async function entriesOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        out.set(entry.fileName, Buffer.alloc(0));
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/** A ZIP of the given entries (text or bytes), compressed. */
async function zipOf(entries: Map<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries)
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The sample with some entries (paths inside its folder) replaced, or removed when undefined. */
async function sampleWith(changes: Record<string, string | Buffer | undefined>, folder = NAME): Promise<Buffer> {
  const entries = new Map<string, Buffer | string>();
  for (const [name, content] of await entriesOf(sampleBytes)) {
    const inner = name.slice(NAME.length + 1);
    if (inner in changes) continue;
    entries.set(`${folder}/${inner}`, content);
  }
  for (const [inner, content] of Object.entries(changes))
    if (content !== undefined) entries.set(`${folder}/${inner}`, content);
  return zipOf(entries);
}

describe('DORA taxonomy', () => {
  it('describes every template: columns in taxonomy order, types, closed lists and keys as the EBA files give them', () => {
    const tables = doraTables();
    expect(Object.keys(tables)).toEqual([...DORA_TEMPLATES]);
    for (const t of DORA_TEMPLATES) {
      const file = readTaxonomyFile(`${t.toLowerCase()}.json`) as {
        tableTemplates: Record<
          string,
          { columns: Record<string, unknown>; 'tc:keys': { primary: { fields: string[] } } }
        >;
      };
      const def = Object.values(file.tableTemplates)[0]!;
      expect(
        tables[t].columns.map((c) => c.code),
        t,
      ).toEqual(Object.keys(def.columns));
      expect(tables[t].keys, t).toEqual([...def['tc:keys'].primary.fields].sort());
    }
    expect(tables['B_02.02'].keys).toEqual(['c0010', 'c0020', 'c0030', 'c0050', 'c0060', 'c0130', 'c0150', 'c0160']);
    const serviceType = tables['B_02.02'].columns.find((c) => c.code === 'c0060')!;
    expect(serviceType.type).toBe('e');
    expect([...serviceType.allowed!]).toEqual(
      Array.from({ length: 19 }, (_, i) => `eba_TA:S${String(i + 1).padStart(2, '0')}`),
    );
    expect(tables['B_05.01'].columns.find((c) => c.code === 'c0100')!.type).toBe('m');
    expect(tables['B_02.03'].columns.find((c) => c.code === 'c0030')!.type).toBe('t');
    expect(columnLabel('B_05.01', 'c0050')).toBe('B_05.01 c0050 (Legal name of the ICT third-party service provider)');
    expect(columnLabel('B_99.01', 'c0010')).toBe('B_99.01 c0010');
    // every template but B_99.01 has a label for every column
    for (const t of DORA_TEMPLATES.filter((x) => x !== 'B_99.01'))
      for (const c of tables[t].columns) expect(c.label, `${t} ${c.code}`).not.toBe(c.code);
  });

  it('matches the module definition: one CSV per template, named as templateFile names it', () => {
    const mod = readTaxonomyFile('dora.json') as {
      tables: Record<string, { url: string; 'eba:documentation'?: { FilingIndicator: string } }>;
    };
    // besides the templates the module has FilingIndicators.csv and an optional FootNotes.csv
    const listed = Object.values(mod.tables).flatMap((t) =>
      t['eba:documentation'] ? [[t['eba:documentation'].FilingIndicator, t.url]] : [],
    );
    expect(listed.sort()).toEqual(DORA_TEMPLATES.map((t) => [t, templateFile(t)]));
  });
});

describe('readDoraPackage', () => {
  it('reads the EBA sample: entity, scope, country, date, filing indicators and rows by column code', async () => {
    const report = await readDoraPackage(sampleBytes, SAMPLE);
    expect(report).toMatchObject({
      entityLei: 'DUMMYLEI123456789012',
      consolidation: 'CON',
      country: 'FR',
      refPeriod: '2024-12-31',
      baseCurrency: 'EUR',
      createdAt: '20241213174803429',
    });
    expect(Object.keys(report.tables)).toEqual([...DORA_TEMPLATES]);
    expect(DORA_TEMPLATES.every((t) => report.filingIndicators[t])).toBe(true);
    const counts = Object.fromEntries(DORA_TEMPLATES.map((t) => [t, report.tables[t].length]));
    expect(counts).toEqual({ ...Object.fromEntries(DORA_TEMPLATES.map((t) => [t, 2])), 'B_99.01': 1 });
    // the sample's columns come in another order than the taxonomy's: cells follow the header
    expect(report.tables['B_02.02'][0]).toMatchObject({
      c0010: 'tyivioyi',
      c0040: 'eba_qCO:qx2000',
      c0060: 'eba_TA:S01',
      c0070: '2023-02-13',
      c0080: '2023-03-26',
      c0100: '879',
    });
    expect(report.tables['B_05.01'][0]).toMatchObject({ c0010: 'mzhxtkhe', c0050: 'tgmpbilr', c0100: '84074' });
    expect(Object.keys(report.tables['B_01.01'][0]!).sort()).toEqual([
      'c0010',
      'c0020',
      'c0030',
      'c0040',
      'c0050',
      'c0060',
    ]);
  });

  it('leaves empty cells out of the rows', async () => {
    const bytes = await sampleWith({
      'reports/b_01.03.csv': 'c0040,c0010,c0020,c0030\r\neba_GA:NL,BR1,,"Branch, Amsterdam"\r\n',
    });
    const report = await readDoraPackage(bytes, SAMPLE);
    expect(report.tables['B_01.03']).toEqual([{ c0010: 'BR1', c0030: 'Branch, Amsterdam', c0040: 'eba_GA:NL' }]);
  });

  it('refuses a package without reports/report.json, naming the entry', async () => {
    const err = await rejectedInputError(
      readDoraPackage(await sampleWith({ 'reports/report.json': undefined }), SAMPLE),
    );
    expect(err.message).toContain(SAMPLE);
    expect(err.message).toContain('reports/report.json');
    expect(err.issues[0]!.path).toEqual(['reports/report.json']);
    expect(err.file).toBe(SAMPLE);
  });

  it('refuses a report.json that does not extend the EBA DORA module', async () => {
    const other = JSON.stringify({
      documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['x.json'] },
    });
    const err = await rejectedInputError(readDoraPackage(await sampleWith({ 'reports/report.json': other }), SAMPLE));
    expect(err.message).toMatch(/reports\/report\.json: does not extend the EBA DORA 4\.0 module/);
  });

  it('refuses a template file with a column the taxonomy does not define, naming zip, entry, line 1 and column', async () => {
    const bytes = await sampleWith({ 'reports/b_05.01.csv': 'c0010,c0020,c9999\r\nP1,eba_qCO:qx2000,x\r\n' });
    const err = await rejectedInputError(readDoraPackage(bytes, SAMPLE));
    expect(err.message).toContain(`${SAMPLE}: reports/b_05.01.csv, line 1:`);
    expect(err.message).toContain('"c9999" is not a column of B_05.01');
    expect(err.issues).toEqual([
      { path: ['reports/b_05.01.csv', 'line 1', 'c9999'], message: '"c9999" is not a column of B_05.01' },
    ]);
  });

  it('refuses a row with more cells than the header, naming its line', async () => {
    const bytes = await sampleWith({ 'reports/b_02.01.csv': 'c0010,c0020\r\nC1,eba_CO:x1\r\nC2,eba_CO:x1,extra\r\n' });
    const err = await rejectedInputError(readDoraPackage(bytes, SAMPLE));
    expect(err.issues[0]!.path).toEqual(['reports/b_02.01.csv', 'line 3']);
  });

  it('refuses a ZIP bomb by its compression ratio before unpacking it', async () => {
    const bytes = await sampleWith({ 'reports/b_99.01.csv': Buffer.alloc(8 * 1024 * 1024, 0x41) });
    const err = await rejectedInputError(readDoraPackage(bytes, SAMPLE));
    expect(err.message).toMatch(/reports\/b_99\.01\.csv: unpacks to \d+× its packed size: refused as a ZIP bomb/);
    expect(Number(/(\d+)×/.exec(err.message)![1])).toBeGreaterThan(DORA_MAX_RATIO);
    expect(err.issues[0]!.path).toEqual(['reports/b_99.01.csv']);
  });

  it('refuses bytes that are not a ZIP', async () => {
    const err = await rejectedInputError(readDoraPackage(Buffer.from('c0010,c0020\nx,y\n'), 'register.csv'));
    expect(err.message).toMatch(/^register\.csv: not a ZIP file/);
  });

  it('refuses files outside the package folder and packages with several folders', async () => {
    const loose = await zipOf(new Map([['report.json', '{}']]));
    expect((await rejectedInputError(readDoraPackage(loose, 'x.zip'))).issues[0]!.path).toEqual(['report.json']);
    const two = await zipOf(
      new Map([
        [`${NAME}/a.txt`, 'a'],
        ['other/b.txt', 'b'],
      ]),
    );
    expect((await rejectedInputError(readDoraPackage(two, 'x.zip'))).message).toMatch(/exactly one top folder/);
  });

  it('refuses a package holding the same file twice', async () => {
    const entries = new Map<string, Buffer | string>([...(await entriesOf(sampleBytes))]);
    const zip = new yazl.ZipFile();
    for (const [name, content] of entries) if (!name.endsWith('/')) zip.addBuffer(Buffer.from(content), name);
    zip.addBuffer(Buffer.from('c0010\r\nX\r\n'), `${NAME}/reports/b_02.01.csv`);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const err = await rejectedInputError(readDoraPackage(Buffer.concat(chunks), SAMPLE));
    expect(err.message).toBe(`${SAMPLE}: reports/b_02.01.csv: is in the package twice`);
  });

  it('refuses a parameters.csv that contradicts the package name', async () => {
    const params =
      'name,value\r\nentityID,rs:DUMMYLEI123456789012.IND\r\nrefPeriod,2024-12-31\r\nbaseCurrency,iso4217:EUR\r\n';
    const err = await rejectedInputError(
      readDoraPackage(await sampleWith({ 'reports/parameters.csv': params }), SAMPLE),
    );
    expect(err.message).toContain('reports/parameters.csv: says consolidation IND but the package is named CON');
  });

  it('refuses a bad entityID, naming line and parameter', async () => {
    const params =
      'name,value\r\nentityID,DUMMYLEI123456789012\r\nrefPeriod,2024-12-31\r\nbaseCurrency,iso4217:EUR\r\n';
    const err = await rejectedInputError(
      readDoraPackage(await sampleWith({ 'reports/parameters.csv': params }), SAMPLE),
    );
    expect(err.issues[0]!.path).toEqual(['reports/parameters.csv', 'line 2', 'entityID']);
  });

  it('takes the name from the ZIP file when the folder was renamed, and refuses when neither fits', async () => {
    const renamed = await sampleWith({}, 'register');
    expect((await readDoraPackage(renamed, `/tmp/${SAMPLE}`)).country).toBe('FR');
    const err = await rejectedInputError(readDoraPackage(renamed, 'register.zip'));
    expect(err.message).toMatch(/register\/: the folder is not named <LEI>/);
  });

  it('parses package names', () => {
    expect(parsePackageName(NAME)).toEqual({
      lei: 'DUMMYLEI123456789012',
      consolidation: 'CON',
      country: 'FR',
      refPeriod: '2024-12-31',
      createdAt: '20241213174803429',
    });
    expect(
      parsePackageName('DUMMYLEI123456789012.XYZ_FR_DORA010100_DORA_2024-12-31_20241213174803429'),
    ).toBeUndefined();
  });
});

describe('writeDoraPackage', () => {
  it('round-trips the EBA sample: every value kept, the same files, every taxonomy column in order', async () => {
    const report = await readDoraPackage(sampleBytes, SAMPLE);
    const written = await writeDoraPackage(report);
    expect(written.name).toBe(NAME);
    expect(await readDoraPackage(written.bytes, `${written.name}.zip`)).toEqual(report);

    const ours = await entriesOf(written.bytes);
    const theirs = await entriesOf(sampleBytes);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    const tables = doraTables();
    for (const t of DORA_TEMPLATES) {
      const header = ours
        .get(`${NAME}/reports/${templateFile(t)}`)!
        .toString('utf8')
        .split('\r\n')[0]!;
      expect(header, t).toBe(tables[t].columns.map((c) => c.code).join(','));
      const sampleHeader = theirs
        .get(`${NAME}/reports/${templateFile(t)}`)!
        .toString('utf8')
        .split(/\r?\n/)[0]!;
      expect(new Set(header.split(',')), t).toEqual(new Set(sampleHeader.split(',')));
    }
    expect(ours.get(`${NAME}/reports/parameters.csv`)!.toString()).toBe(
      theirs.get(`${NAME}/reports/parameters.csv`)!.toString(),
    );
    expect(JSON.parse(ours.get(`${NAME}/reports/report.json`)!.toString())).toEqual(
      JSON.parse(theirs.get(`${NAME}/reports/report.json`)!.toString()),
    );
  });

  it('writes the same bytes for the same report, whatever the time zone', async () => {
    const report = await readDoraPackage(sampleBytes, SAMPLE);
    const a = await writeDoraPackage(report);
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const b = await writeDoraPackage(structuredClone(report));
      expect(b.bytes.equals(a.bytes)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('writes every template with its header even without rows, quoting values as RFC 4180 does', async () => {
    const report: DoraReport = {
      entityLei: '5493001KJTIIGC8Y1R12',
      consolidation: 'IND',
      country: 'NL',
      refPeriod: '2025-03-31',
      baseCurrency: 'EUR',
      createdAt: '20250401120000000',
      filingIndicators: Object.fromEntries(
        DORA_TEMPLATES.map((t) => [t, t === 'B_05.01']),
      ) as DoraReport['filingIndicators'],
      tables: Object.fromEntries(DORA_TEMPLATES.map((t) => [t, []])) as unknown as DoraReport['tables'],
    };
    report.tables['B_05.01'] = [{ c0010: 'P1', c0050: 'Cloud "Blue", B.V.\nAmsterdam' }];
    const written = await writeDoraPackage(report);
    const files = await entriesOf(written.bytes);
    const b0501 = files.get(`${written.name}/reports/b_05.01.csv`)!.toString();
    expect(b0501).toBe(
      'c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120\r\nP1,,,,"Cloud ""Blue"", B.V.\nAmsterdam",,,,,,,\r\n',
    );
    expect(files.get(`${written.name}/reports/b_02.03.csv`)!.toString()).toBe('c0010,c0020,c0030\r\n');
    expect(files.get(`${written.name}/reports/FilingIndicators.csv`)!.toString()).toContain(
      'B_05.01,true\r\nB_05.02,false',
    );
    expect(await readDoraPackage(written.bytes, 'export.zip')).toEqual(report);
  });

  it('refuses a row holding a column its template does not have, rather than dropping the value', async () => {
    const report = await readDoraPackage(sampleBytes, SAMPLE);
    report.tables['B_03.01'][0]!.c0099 = 'x';
    const err = await rejectedInputError(writeDoraPackage(report));
    expect(err.issues).toEqual([{ path: ['b_03.01.csv', 'row 1', 'c0099'], message: 'B_03.01 has no column c0099' }]);
  });
});
