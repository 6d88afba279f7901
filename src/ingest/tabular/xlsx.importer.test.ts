/**
 * XLSX registers: a Dutch workbook with what Excel files hold besides plain values (rich text,
 * hyperlinks, formulas with results, date and boolean cells, a sheet of notes) reads into rows of
 * the kinds its sheets are named after; a formula error stops the import with an InputError naming
 * the sheet, row and column; other broken workbooks give a clear InputError. The fixtures come from
 * test/fixtures/tabular/make-xlsx-fixtures.ts.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import type { ImportContext } from '../register-import.js';
import { checkZip, readXlsxRegister, xlsxImporter } from './xlsx.importer.js';
import { readCsvRegister } from './csv.importer.js';
import { templateXlsx } from './writer.js';
import { rejectedInputError } from '../../../test/helpers/errors.js';

const context: ImportContext = { kb: knowledgeIndex(), at: new Date('2025-06-01T00:00:00Z') };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/tabular/${name}`, import.meta.url)));

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a Dutch workbook as people keep it', async () => {
  const result = await readXlsxRegister(fixture('register-nl.xlsx'), 'register-nl.xlsx', context);
  const row = (kind: string) => result.rows.find((r) => r.key === kind)!;

  it('reads the sheets named after kinds, and names the others in the notes', () => {
    expect(result.format).toBe('xlsx');
    expect(result.rows.map((r) => r.key)).toEqual(['process', 'party', 'asset', 'exitPlan', 'dependency']);
    expect(result.notes).toContain('register-nl.xlsx, sheet Notities: not a register sheet; not read');
  });

  it('rich text as text, a formula by its result, a boolean cell, labels as codes', () => {
    expect(row('process').spec).toEqual({
      name: 'Vergunningen verlenen',
      vital: true,
      publicInterests: ['public-service-continuity', 'democratic-rule-of-law'],
      maxTolerableDowntimeHours: 72,
    });
    expect(row('process').at).toEqual({ file: 'register-nl.xlsx', sheet: 'Processen', line: 2 });
  });

  it('a hyperlink as its text, a country name as its code, a KvK number with its leading zero', () => {
    expect(row('party').spec).toEqual({
      name: 'Centric',
      kind: 'company',
      country: 'NL',
      website: 'centric.eu',
      identifiers: { kvk: '01234567' },
    });
  });

  it('a false boolean cell, a formula result in a number column, a reference as a link', () => {
    expect(row('asset').spec).toMatchObject({
      type: 'saas',
      layers: ['applications'],
      users: 120,
      lockIn: { proprietaryFormats: false },
    });
    expect(row('asset').links).toEqual([
      {
        field: 'providerId',
        kind: 'party',
        text: 'centric',
        at: { file: 'register-nl.xlsx', sheet: 'Assets', line: 2, column: 'Leverancier' },
      },
    ]);
  });

  it('a date cell as YYYY-MM-DD', () => {
    expect(row('exitPlan').spec).toEqual({ name: 'Exit zaaksysteem', strategy: 'replace', lastTested: '2025-03-14' });
  });

  it('a key written otherwise than as an id, referred to from another sheet', () => {
    expect(row('process').id).toBe('verg-01');
    expect(row('dependency').links!.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'process:verg-01',
      'asset:Zaaksysteem',
    ]);
  });
});

describe('formula errors and other broken workbooks', () => {
  it('a formula whose result is #DIV/0!: InputError naming file, sheet, row and column', async () => {
    const err = await rejectedInputError(() =>
      readXlsxRegister(fixture('formula-error.xlsx'), 'formula-error.xlsx', context),
    );
    expect(err.message).toBe(
      'formula-error.xlsx, sheet Assets, row 3, column Gebruikers: the cell holds the formula error #DIV/0!; correct the formula or replace it by a value',
    );
    expect(err.issues).toEqual([
      { path: ['Assets', 'row 3', 'Gebruikers'], message: expect.stringContaining('#DIV/0!') },
    ]);
    expect(err.file).toBe('formula-error.xlsx');
  });

  it('an error value without a formula (#REF!, #N/A): InputError too', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Contracts');
      s.addRow(['Name', 'Supplier']);
      s.addRow(['EA', { error: '#N/A' }]);
    });
    const err = await rejectedInputError(() => readXlsxRegister(bytes, 'c.xlsx', context));
    expect(err.message).toContain(
      'c.xlsx, sheet Contracts, row 2, column Supplier: the cell holds the formula error #N/A',
    );
  });

  it('a formula without a computed result: a row problem', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Processes');
      s.addRow(['Name', 'Maximum tolerable downtime (hours)']);
      s.addRow(['Payroll', { formula: '24*3' }]);
    });
    const rows = (await readXlsxRegister(bytes, 'p.xlsx', context)).rows;
    expect(rows[0]!.problems).toEqual([
      {
        field: 'Maximum tolerable downtime (hours)',
        message: expect.stringContaining('the formula =24*3 has no computed value'),
      },
    ]);
  });

  it('an unknown column: InputError naming the sheet', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('Partijen').addRow(['Naam', 'Kleur']));
    const err = await rejectedInputError(() => readXlsxRegister(bytes, 'p.xlsx', context));
    expect(err.message).toContain('p.xlsx, sheet Partijen, line 1, column "Kleur": unknown column for parties');
  });

  it('a bad cell: a row problem with the sheet and row', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Exit plans');
      s.addRow(['Name', 'Strategy', 'Last tested']);
      s.addRow(['Exit', 'replace', 'yesterday']);
    });
    const row = (await readXlsxRegister(bytes, 'e.xlsx', context)).rows[0]!;
    expect(row.at).toEqual({ file: 'e.xlsx', sheet: 'Exit plans', line: 2 });
    expect(row.problems).toEqual([
      { field: 'Last tested', message: expect.stringContaining('"yesterday" is not a date') },
    ]);
  });

  it('no register sheet, not a zip, a broken zip: InputError', async () => {
    const notes = await workbook((wb) => wb.addWorksheet('Blad1').addRow(['x']));
    expect((await rejectedInputError(() => readXlsxRegister(notes, 'n.xlsx', context))).message).toContain(
      'n.xlsx has no register sheet; name sheets after what they hold (Processen/Processes',
    );
    const text = new TextEncoder().encode('Naam;Vitaal\n');
    expect((await rejectedInputError(() => readXlsxRegister(text, 'x.xlsx', context))).message).toContain(
      'x.xlsx is not an XLSX workbook',
    );
    const cut = fixture('register-nl.xlsx').slice(0, 2000);
    expect((await rejectedInputError(() => readXlsxRegister(cut, 'cut.xlsx', context))).message).toMatch(
      /^cut\.xlsx: not an XLSX workbook/,
    );
  });

  it('a zip that unpacks to more than the limit is refused before exceljs reads it', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(2 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const err = await rejectedInputError(() => checkZip(Buffer.concat(chunks), 'bomb.xlsx', 1024 * 1024));
    expect(err.message).toBe('bomb.xlsx: the workbook unpacks to more than 1 MiB');
  });
});

describe('workbooks written by LibreOffice Calc', () => {
  // Made from the .fods sources in test/fixtures/tabular/libreoffice-sources and a CSV fixture by
  // LibreOffice 7.4 (soffice --headless --convert-to xlsx); see the fixtures' PROVENANCE.md.
  it('reads its shared strings, booleans, formulas with results and date cells', async () => {
    const r = await readXlsxRegister(fixture('register-libreoffice.xlsx'), 'register-libreoffice.xlsx', context);
    expect(r.rows.map((x) => ({ key: x.key, id: x.id, spec: x.spec, at: x.at }))).toEqual([
      {
        key: 'process',
        id: 'verg-01',
        spec: { name: 'Vergunningen verlenen', vital: true, maxTolerableDowntimeHours: 72 },
        at: { file: 'register-libreoffice.xlsx', sheet: 'Processen', line: 2 },
      },
      {
        key: 'asset',
        id: 'zaak',
        spec: { name: 'Zaaksysteem', type: 'saas', layers: ['applications'], users: 120 },
        at: { file: 'register-libreoffice.xlsx', sheet: 'Assets', line: 2 },
      },
      {
        key: 'exitPlan',
        id: 'exit-zaak',
        spec: { name: 'Exit zaaksysteem', strategy: 'replace', lastTested: '2025-03-14' },
        at: { file: 'register-libreoffice.xlsx', sheet: 'Exitplannen', line: 2 },
      },
    ]);
  });

  it('refuses its #DIV/0! formula error, naming sheet, row and column', async () => {
    const err = await rejectedInputError(() =>
      readXlsxRegister(fixture('formula-error-libreoffice.xlsx'), 'formula-error-libreoffice.xlsx', context),
    );
    expect(err.message).toBe(
      'formula-error-libreoffice.xlsx, sheet Assets, row 3, column Gebruikers: the cell holds the formula error #DIV/0!; correct the formula or replace it by a value',
    );
  });

  it('reads a CSV template saved as a workbook (one sheet named after the file) by its headers', async () => {
    const r = await readXlsxRegister(fixture('applicaties-libreoffice.xlsx'), 'applicaties.xlsx', context);
    expect(r.rows.map((x) => `${x.key} ${x.id} ${String(x.spec.users ?? '')}`)).toEqual([
      'asset zaaksysteem 400',
      'asset kantoor 1050',
      'asset parkeren ',
    ]);
    expect(r.notes).toEqual(['applicaties.xlsx, sheet applicaties: 3 assets (kind from the column headers)']);
    // The same rows as the CSV it was made from.
    const csv = readCsvRegister(
      new Uint8Array(readFileSync(new URL('../../../test/fixtures/imports/applicaties.csv', import.meta.url))),
      'applicaties.csv',
      context,
    );
    expect(r.rows.map((x) => [x.spec, x.links?.map((l) => l.text)])).toEqual(
      csv.rows.map((x) => [x.spec, x.links?.map((l) => l.text)]),
    );
  });

  it('in such a workbook skips a sheet of notes, and refuses a sheet with an unknown column', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notities').addRow(['Bijgehouden door het CIO-office']);
      const s = wb.addWorksheet('Blad1');
      s.addRow(['Naam', 'Gebruikers', 'Kleur']);
      s.addRow(['Zaaksysteem', 400, 'rood']);
    });
    const err = await rejectedInputError(() => readXlsxRegister(bytes, 'b.xlsx', context));
    expect(err.message).toContain('b.xlsx, sheet Blad1, line 1, column "Kleur": unknown column for assets');
    const good = await workbook((wb) => {
      wb.addWorksheet('Notities').addRow(['Bijgehouden door het CIO-office']);
      const s = wb.addWorksheet('Blad1');
      s.addRow(['Naam', 'Gebruikers']);
      s.addRow(['Zaaksysteem', 400]);
    });
    const r = await readXlsxRegister(good, 'g.xlsx', context);
    expect(r.rows.map((x) => x.key)).toEqual(['asset']);
    expect(r.notes).toContain('g.xlsx, sheet Notities: not a register sheet; not read');
  });
});

describe('sniff', () => {
  it('recognises workbooks by name or by their first zip entry', async () => {
    const template = await templateXlsx('nl');
    expect(xlsxImporter.sniff('register.xlsx', template.subarray(0, 4096))).toBe(true);
    expect(xlsxImporter.sniff('upload', template.subarray(0, 4096))).toBe(true);
    expect(xlsxImporter.sniff('register.xlsx', new TextEncoder().encode('Naam;Vitaal'))).toBe(false);
  });
});
