/**
 * CSV registers: hand-made files as Dutch and English Excel users write them (byte-order mark, ";",
 * CRLF, quoted cells over several lines, empty lines, labels instead of codes, country names) read
 * into rows, links and owned fields located by line and column; broken files — an unknown or
 * missing column, columns of several kinds, bad cells, a broken quote — give a clear InputError or
 * row problem naming the file, line and column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import type { ImportContext } from '../register-import.js';
import { csvImporter, detectDelimiter, MAX_SPREADSHEET_BYTES, readCsvRegister } from './csv.importer.js';
import { MAX_TABLE_ROWS } from './rows.js';
import { inputError } from '../../../test/helpers/errors.js';

const context: ImportContext = { kb: knowledgeIndex(), at: new Date('2025-06-01T00:00:00Z') };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/tabular/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (name: string, ctx: ImportContext = context) => readCsvRegister(fixture(name), name, ctx);

describe('Dutch CSV: byte-order mark, ";", CRLF, labels', () => {
  const result = read('processen-nl.csv');

  it('reads the rows with their lines, skipping empty ones', () => {
    expect(result.format).toBe('csv');
    expect(result.rows.map((r) => [r.id, r.at.line])).toEqual([
      ['verg', 2],
      ['brp-bijhouding', 6], // the key "BRP-Bijhouding" as an id; lines 4 and 5 are empty
      ['belasting', 7],
    ]);
    expect(result.notes).toContain('processen-nl.csv: 3 processes (Dutch headers, delimiter ";")');
  });

  it('reads labels, yes/no, decimal commas and multi-line cells', () => {
    const [verg, brp, belasting] = result.rows;
    expect(verg!.spec).toEqual({
      name: 'Vergunningen verlenen',
      description: 'Aanvragen ontvangen; beoordelen\nen besluiten',
      vital: true,
      publicInterests: ['public-service-continuity'],
      maxTolerableDowntimeHours: 4.5,
      owner: 'Afdeling VTH',
    });
    expect(brp!.spec).toEqual({
      name: 'Basisregistratie personen',
      vital: true,
      publicInterests: ['national-security'],
      maxTolerableDowntimeHours: 24,
    });
    expect(belasting!.spec).toEqual({ name: 'Belastingen innen', vital: false });
  });

  it('owns every column of the file, so emptied cells clear their field', () => {
    expect(result.rows[2]!.owns).toEqual([
      'name',
      'description',
      'vital',
      'publicInterests',
      'maxTolerableDowntimeHours',
      'owner',
    ]);
    expect(result.rows.every((r) => !r.problems)).toBe(true);
  });
});

describe('English CSV with references', () => {
  const result = read('assets-en.csv');

  it('reads labels, country names and lists separated by "," or ";"', () => {
    expect(result.rows[0]!.spec).toEqual({
      name: 'E-mail',
      type: 'saas',
      layers: ['applications', 'data'],
      hostingLocations: ['NL', 'IE'],
      dataLocations: { atRest: ['NL', 'IE'] },
      dataSensitivity: 'personal',
      users: 1200,
      lockIn: { openStandards: ['IMAP', 'SMTP'], dataExport: 'partial', proprietaryFormats: true },
    });
  });

  it('emits references as links with the column, not as spec values', () => {
    expect(result.rows[0]!.links).toEqual([
      {
        field: 'providerId',
        kind: 'party',
        text: 'Microsoft',
        at: { file: 'assets-en.csv', line: 2, column: 'Provider' },
      },
      {
        field: 'hostingPartyId',
        kind: 'party',
        text: 'Microsoft',
        at: { file: 'assets-en.csv', line: 2, column: 'Hosting party' },
      },
    ]);
    expect(result.rows[1]!.links!.map((l) => [l.field, l.text])).toEqual([['providerId', 'Centric']]);
  });

  it('owns only the columns present, and notes a nested field with a column left out', () => {
    const owns = result.rows[1]!.owns!;
    expect(owns).toContain('providerId');
    expect(owns).toContain('lockIn');
    expect(owns).not.toContain('priority');
    expect(owns).not.toContain('tags');
    expect(result.notes!.some((n) => n.includes('Data processing (countries)') && n.includes('cleared'))).toBe(true);
  });
});

describe('dependencies', () => {
  const result = read('afhankelijkheden.csv');

  it('reads ends as links with asRef, their kind from the kind column or written as kind:key', () => {
    expect(result.rows.map((r) => r.links!.map((l) => `${l.field}=${l.kind}:${l.text}`))).toEqual([
      ['from=process:verg', 'to=asset:Zaaksysteem'],
      ['from=process:verg', 'to=asset:mail'],
      ['from=asset:mail', 'to=party:Microsoft'],
    ]);
    expect(result.rows.every((r) => r.links!.every((l) => l.asRef === true))).toBe(true);
    expect(result.rows[0]!.links![1]!.at).toEqual({ file: 'afhankelijkheden.csv', line: 2, column: 'Aanbieder' });
  });

  it('reads relation labels and keeps rows without a key for the planner to match by their ends', () => {
    expect(result.rows.map((r) => r.id)).toEqual([undefined, 'dep-mail', undefined]);
    expect(result.rows.map((r) => r.spec.relation)).toEqual(['uses', 'uses', 'supplied-by']);
    expect(result.rows[1]!.spec).toEqual({
      relation: 'uses',
      redundancyGroup: 'communicatie',
      description: 'e-mail naar aanvragers',
    });
    expect(result.rows[0]!.owns).toEqual(['from', 'to', 'relation', 'redundancyGroup', 'description']);
  });

  it('reports an end without a kind, and a kind that cannot be a consumer', () => {
    const text = 'Consumer kind,Consumer,Provider kind,Provider\n,mail,asset,db\nparty,Acme,asset,db\n';
    const rows = readCsvRegister(bytes(text), 'deps.csv', context).rows;
    expect(rows[0]!.problems).toEqual([
      { field: 'Consumer kind', message: expect.stringContaining('name the kind of the consumer (process, asset)') },
    ]);
    expect(rows[1]!.problems).toEqual([
      { field: 'Consumer kind', message: expect.stringContaining('"party" is not a kind of record allowed here') },
    ]);
  });
});

describe('contracts: dates, amounts, lists of references', () => {
  it('reads ISO and Dutch dates, grouped amounts and several assets', () => {
    const row = read('contracts-en.csv').rows[0]!;
    expect(row.spec).toEqual({
      name: 'Microsoft EA',
      reference: 'EA-2024-17',
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      noticePeriodDays: 90,
      annualValueEur: 1234567.5,
      governingLaw: 'IE',
      exitClause: false,
    });
    expect(row.links!.map((l) => [l.field, l.kind, l.text, l.many ?? false])).toEqual([
      ['supplierId', 'party', 'Microsoft', false],
      ['assetIds', 'asset', 'mail', true],
      ['assetIds', 'asset', 'teams', true],
    ]);
  });
});

describe('broken files', () => {
  it('an unknown column: InputError naming file, line 1 and the column, listing the columns', () => {
    const err = inputError(() => read('broken-unknown-column.csv'));
    expect(err.message).toContain('broken-unknown-column.csv, line 1, column "Kleur": unknown column for processes');
    expect(err.message).toContain('the columns are: Sleutel, Naam, Omschrijving, Vitaal');
    expect(err.file).toBe('broken-unknown-column.csv');
    expect(err.issues).toEqual([{ path: ['line 1', 'Kleur'], message: expect.stringContaining('unknown column') }]);
  });

  it('a missing Name column: InputError', () => {
    const err = inputError(() => read('broken-no-name.csv'));
    expect(err.message).toContain('broken-no-name.csv, line 1: the column Name is missing');
  });

  it('bad cells: row problems naming the column and what is allowed, on the line of the row', () => {
    const rows = read('broken-cells.csv').rows;
    expect(rows[0]!.problems).toBeUndefined();
    expect(rows[1]!.at).toEqual({ file: 'broken-cells.csv', line: 3 });
    expect(rows[1]!.problems).toEqual([
      { field: 'Start date', message: '"2023-02-29" is not a date; use YYYY-MM-DD (or DD-MM-YYYY)' },
      { field: 'Notice period (days)', message: '"thirty" is not a number; use a whole number' },
      { field: 'Annual value (EUR)', message: '"12.5.3" is not a number; use a number, e.g. 1234.5' },
      { field: 'Governing law', message: expect.stringContaining('"Narnia" is not a country; use a two-letter') },
      { field: 'Exit clause', message: '"maybe" is not yes or no; use ja/nee, yes/no, true/false or 1/0' },
    ]);
    expect(rows[2]!.problems).toEqual([{ field: 'Notice period (days)', message: '"1.5" is not a whole number' }]);
  });

  it('an unknown vocabulary value lists the codes and labels allowed', () => {
    const rows = readCsvRegister(bytes('Naam;Type;Lagen\nX;Cloudje;Data\n'), 'assets.csv', context).rows;
    expect(rows[0]!.problems).toEqual([
      {
        field: 'Type',
        message: expect.stringMatching(
          /^"Cloudje" is not allowed; use one of: application \(Applicatie\), saas \(SaaS service \/ SaaS-dienst\),/,
        ),
      },
    ]);
  });

  it('columns that fit several kinds: the file name decides, or the kind option, else an InputError', () => {
    const text = bytes('Key,Name,Description\np1,Payroll,\n');
    const err = inputError(() => readCsvRegister(text, 'export.csv', context));
    expect(err.message).toContain('export.csv, line 1: the columns fit several kinds of record (processes, parties');
    expect(readCsvRegister(text, 'partijen.csv', context).rows[0]!.key).toBe('party');
    expect(readCsvRegister(text, 'export.csv', { ...context, kind: 'contract' }).rows[0]!.key).toBe('contract');
  });

  it('columns that belong to no template: InputError saying so, not blaming one kind', () => {
    const err = inputError(() => readCsvRegister(bytes('Kleur;Vorm\nrood;rond\n'), 'kleuren.csv', context));
    expect(err.message).toBe(
      'kleuren.csv, line 1: none of the columns is a column of a register template (processes, parties, products, ' +
        'assets, dependencies, contracts, exit plans); start from a template, whose first line holds the column headers',
    );
  });

  it("the kind option with another kind's columns: unknown column", () => {
    const err = inputError(() => read('assets-en.csv', { ...context, kind: 'process' }));
    expect(err.message).toContain('assets-en.csv, line 1, column "Type": unknown column for processes');
    const other = inputError(() => read('assets-en.csv', { ...context, kind: 'measure' }));
    expect(other.message).toContain(
      'a spreadsheet register holds process, party, product, asset, dependency, contract, exitPlan',
    );
  });

  it('a column named twice: InputError', () => {
    const err = inputError(() => readCsvRegister(bytes('Naam,Name\nx,y\n'), 'processen.csv', context));
    expect(err.message).toContain('column "Name": the column is there twice (also as "Naam")');
  });

  it('a quote left open: InputError naming the line', () => {
    const err = inputError(() => readCsvRegister(bytes('Naam;Vitaal\nA;ja\n"B;nee\n'), 'processen.csv', context));
    expect(err.message).toMatch(/^processen\.csv, line 3: not readable as CSV: Quote Not Closed/);
  });

  it('a value under no header (an unquoted delimiter in a cell): row problem', () => {
    const rows = readCsvRegister(bytes('Naam;Vitaal\nA; b;ja;\n'), 'processen.csv', context).rows;
    expect(rows[0]!.problems).toEqual([
      { field: 'Vitaal', message: expect.stringContaining('"b" is not yes or no') },
      { field: '#3', message: expect.stringContaining('a value in column 3, which has no header') },
    ]);
  });

  it('an empty file and a file over the limits: InputError', () => {
    expect(inputError(() => readCsvRegister(new Uint8Array(), 'x.csv', context)).message).toContain('x.csv is empty');
    const big = new Uint8Array(MAX_SPREADSHEET_BYTES + 1);
    expect(inputError(() => readCsvRegister(big, 'big.csv', context)).message).toContain(
      'larger than the limit of 32 MiB',
    );
    const many = bytes(`Naam\n${'x\n'.repeat(MAX_TABLE_ROWS + 1)}`);
    expect(inputError(() => readCsvRegister(many, 'many.csv', context)).message).toContain('more than 100000 rows');
  });
});

describe('what spreadsheet programs write', () => {
  it("Windows-1252 (Dutch Excel's plain CSV) is read, with a note", () => {
    // "Continuïteit" with ï as the single byte 0xEF.
    const latin = new Uint8Array([
      ...bytes('Naam;Publieke belangen\nA;Continu'),
      0xef,
      ...bytes('teit van publieke dienstverlening\n'),
    ]);
    const result = readCsvRegister(latin, 'processen.csv', context);
    expect(result.rows[0]!.spec.publicInterests).toEqual(['public-service-continuity']);
    expect(result.notes![0]).toContain('not UTF-8; it was read as Windows-1252');
  });

  it('Excel\'s "sep=" line and tabs', () => {
    const sep = readCsvRegister(bytes('sep=,\nName,Vital\nA,yes\n'), 'p.csv', context);
    expect(sep.rows[0]!.spec).toEqual({ name: 'A', vital: true });
    expect(sep.rows[0]!.at.line).toBe(3);
    const tabs = readCsvRegister(bytes('Name\tVital\nA\tno\n'), 'p.tsv', context);
    expect(tabs.rows[0]!.spec).toEqual({ name: 'A', vital: false });
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('Naam;Omschrijving;"Lagen, meer"')).toBe(';');
    expect(detectDelimiter('Name,Description,"a;b;c"')).toBe(',');
    expect(detectDelimiter('Name')).toBe(',');
  });

  it('keys that are not ids become ids, and references in the file to them follow', () => {
    const text =
      'Sleutel;Naam;Moederorganisatie\nACME Holding;Acme Holding NV;\nACME-NL;Acme Nederland BV;ACME Holding\n';
    const rows = readCsvRegister(bytes(text), 'partijen.csv', context).rows;
    expect(rows.map((r) => r.id)).toEqual(['acme-holding', 'acme-nl']);
    expect(rows[1]!.links![0]).toMatchObject({ field: 'parentId', kind: 'party', text: 'acme-holding' });
  });
});

describe('sniff', () => {
  const head = (text: string) => bytes(text);
  it('recognises register CSVs by name and header', () => {
    expect(csvImporter.sniff('assets.csv', fixture('assets-en.csv'))).toBe(true);
    expect(csvImporter.sniff('x.csv', head('\uFEFFSleutel;Naam;Kleur\n'))).toBe(true);
    expect(csvImporter.sniff('upload', head('Naam;Vitaal\n'))).toBe(true);
    expect(csvImporter.sniff('upload', head('Naam;Kleur\n'))).toBe(false);
    expect(csvImporter.sniff('b_01.01.csv', head('c0010,c0020\n'))).toBe(false);
    expect(csvImporter.sniff('x.csv', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(false);
  });
});
