/**
 * Spreadsheet round trips: register records written as CSV (both languages, both delimiters) and as
 * XLSX read back into rows whose spec plus resolved links equal the records — for every kind, with
 * every template column filled (lists, booleans, dates, numbers with decimals, nested fields, text
 * with delimiters, quotes, line breaks and formula-like starts) and with only the required ones.
 * Templates in both languages read back as the kinds they are. Through the import planner, a
 * register written out and read back in changes nothing; an emptied cell clears its field, a
 * column left out keeps it.
 */
import { describe, expect, it } from 'vitest';
import { createSchema, specSchema, type Lang } from '../../domain/index.js';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import { planImport, type ExistingRegister } from '../import-plan.js';
import type { ImportContext, ImportRow } from '../register-import.js';
import { readCsvRegister } from './csv.importer.js';
import { TEMPLATES, TEMPLATE_KINDS, type TemplateKind } from './columns.js';
import { recordCells, templateCsv, templateXlsx, writeCsv, writeXlsx, type TabularRecord } from './writer.js';
import { readXlsxRegister } from './xlsx.importer.js';

const context: ImportContext = { kb: knowledgeIndex(), at: new Date('2025-06-01T00:00:00Z') };
const bytes = (text: string) => new TextEncoder().encode(text);

/** A record as the register stores it: the spec with zod's defaults, and an id. */
function record(kind: TemplateKind, input: Record<string, unknown>): TabularRecord & Record<string, unknown> {
  return createSchema(kind).parse(input) as TabularRecord & Record<string, unknown>;
}

/** Every template column filled, with values that test the cell formats. */
const FULL: Record<TemplateKind, TabularRecord & Record<string, unknown>> = {
  process: record('process', {
    id: 'verg',
    name: 'Vergunningen; verlenen, "snel"',
    description: 'Aanvragen ontvangen\nen beoordelen; daarna besluiten',
    vital: true,
    publicInterests: ['public-service-continuity', 'democratic-rule-of-law'],
    maxTolerableDowntimeHours: 4.5,
    owner: '=Afdeling VTH',
  }),
  party: record('party', {
    id: 'centric-nl',
    name: 'Centric Netherlands B.V.',
    kind: 'company',
    country: 'NL',
    parentId: 'centric-group',
    identifiers: { lei: '5493001KJTIIGC8Y1R12', euid: 'NLNHR.01234567', kvk: '01234567', vat: 'NL001234567B01' },
    aliases: ['Centric', 'Centric NL'],
    website: 'https://www.centric.eu',
    description: '-leidende streep, +plus en @at',
  }),
  product: record('product', {
    id: 'exchange-online',
    name: 'Exchange Online',
    vendorId: 'microsoft',
    category: 'email-hosting',
    layers: ['applications'],
    openSource: false,
    licence: 'LicenseRef-Microsoft-OST',
    openStandards: ['IMAP', 'SMTP'],
    description: 'Mail als dienst',
  }),
  asset: record('asset', {
    id: 'mail',
    name: 'E-mail',
    type: 'saas',
    layers: ['applications', 'data'],
    priority: 'effective-policy',
    description: 'Mail en agenda',
    productId: 'exchange-online',
    providerId: 'microsoft',
    hostingPartyId: 'microsoft-ireland',
    hostingLocations: ['IE', 'NL'],
    dataLocations: { atRest: ['NL', 'IE'], processing: ['US'] },
    dataSensitivity: 'special-category',
    keyControl: 'provider',
    users: 1200,
    lockIn: { openStandards: ['IMAP', 'CalDAV'], dataExport: 'partial', proprietaryFormats: true },
    tags: ['kantoor', 'cloud'],
  }),
  dependency: record('dependency', {
    id: 'dep-verg-mail',
    from: 'process:verg',
    to: 'asset:mail',
    relation: 'runs-on',
    redundancyGroup: 'communicatie',
    description: 'mail naar aanvragers',
  }),
  contract: record('contract', {
    id: 'ms-ea',
    name: 'Microsoft EA',
    supplierId: 'microsoft',
    assetIds: ['mail', 'teams'],
    reference: 'EA-2024-17',
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    noticePeriodDays: 90,
    annualValueEur: 1234567.5,
    governingLaw: 'IE',
    exitClause: false,
    description: 'Enterprise Agreement',
  }),
  exitPlan: record('exitPlan', {
    id: 'exit-mail',
    name: 'Exit e-mail',
    assetId: 'mail',
    strategy: 'multi-vendor',
    targetAlternative: 'Open-Xchange',
    targetProductId: 'ox-app-suite',
    effort: 'high',
    timeToSwitchDays: 180,
    lastTested: '2025-03-14',
    description: 'Twee leveranciers',
  }),
};

/** Only what a record needs: empty cells must read back as the stored defaults. */
const MINIMAL: Record<TemplateKind, TabularRecord & Record<string, unknown>> = {
  process: record('process', { id: 'p-min', name: 'Minimaal proces' }),
  party: record('party', { id: 'party-min', name: 'Minimale partij' }),
  product: record('product', { id: 'prod-min', name: 'Minimaal product' }),
  asset: record('asset', { id: 'a-min', name: 'Server', type: 'hardware', layers: ['hardware'] }),
  dependency: record('dependency', { id: 'd-min', from: 'asset:a-min', to: 'party:party-min' }),
  contract: record('contract', { id: 'c-min', name: 'Contract', supplierId: 'party-min' }),
  exitPlan: record('exitPlan', { id: 'e-min', name: 'Exit', assetId: 'a-min', strategy: 'terminate' }),
};

/** The spec a row stands for once its links are resolved to the ids they name (as the planner does). */
function resolvedSpec(row: ImportRow): Record<string, unknown> {
  const spec: Record<string, unknown> = structuredClone(row.spec);
  for (const link of row.links ?? []) {
    const value = link.asRef ? `${link.kind}:${link.text}` : link.text;
    if (link.many) spec[link.field] = [...((spec[link.field] as unknown[] | undefined) ?? []), value];
    else spec[link.field] = value;
  }
  return spec;
}

const specOf = (kind: TemplateKind, r: Record<string, unknown>) => {
  const { id: _id, ...spec } = r;
  return specSchema(kind).parse(spec);
};

function expectSameRecords(
  kind: TemplateKind,
  rows: readonly ImportRow[],
  records: readonly Record<string, unknown>[],
) {
  expect(rows.map((r) => r.key)).toEqual(records.map(() => kind));
  rows.forEach((row, i) => {
    expect(row.problems).toBeUndefined();
    expect(row.id).toBe(records[i]!.id);
    expect(specOf(kind, resolvedSpec(row))).toEqual(specOf(kind, records[i]!));
    // Every field of the template is owned: an emptied cell clears it.
    const fields = new Set(TEMPLATES[kind].columns.filter((c) => c.field).map((c) => c.field.split('.')[0]));
    expect(new Set(row.owns)).toEqual(fields);
  });
}

describe('the full sample records fill every column', () => {
  it.each(TEMPLATE_KINDS)('%s', (kind) => {
    const cells = recordCells(kind, FULL[kind], 'nl', 'csv');
    const empty = TEMPLATES[kind].columns.filter((_, i) => cells[i] === undefined || cells[i] === '');
    expect(empty.map((c) => c.header.en)).toEqual([]);
  });
});

describe('CSV round trip', () => {
  for (const lang of ['nl', 'en'] as const)
    it.each(TEMPLATE_KINDS)(`%s, ${lang}`, (kind) => {
      const records = [FULL[kind], MINIMAL[kind]];
      const text = writeCsv(kind, records, lang);
      // The kind is told by the headers alone: the file name says nothing.
      const read = readCsvRegister(bytes(text), 'export.csv', context);
      expect(read.format).toBe('csv');
      expectSameRecords(kind, read.rows, records);
      expect(read.rows[0]!.at).toEqual({ file: 'export.csv', line: 2 });
    });

  it('writes Dutch with ";" and a byte-order mark, English with ",", codes for vocabularies', () => {
    const nl = writeCsv('asset', [FULL.asset], 'nl');
    expect(nl.startsWith('\uFEFFSleutel;Naam;Type;Lagen;')).toBe(true);
    expect(nl).toContain('mail;E-mail;saas;"applications; data";effective-policy;');
    expect(nl).toContain(';"NL; IE";US;special-category;provider;1200;"IMAP; CalDAV";partial;ja;"kantoor; cloud"\r\n');
    const en = writeCsv('contract', [FULL.contract], 'en', { bom: false });
    expect(en.split('\r\n')[0]).toBe(
      'Key,Name,Supplier,Assets,Contract reference,Start date,End date,Notice period (days),Annual value (EUR),Governing law,Exit clause,Description',
    );
    expect(en).toContain(
      'ms-ea,Microsoft EA,microsoft,mail; teams,EA-2024-17,2024-01-01,2026-12-31,90,1234567.5,IE,no,',
    );
    // A Dutch CSV writes decimals with a comma, as Dutch Excel reads them.
    expect(writeCsv('contract', [FULL.contract], 'nl')).toContain(';1234567,5;');
  });

  it('puts a quote before cells Excel would run as a formula, and reads them back without it', () => {
    const text = writeCsv('process', [FULL.process], 'en', { bom: false });
    expect(text).toContain(",'=Afdeling VTH");
    const row = readCsvRegister(bytes(text), 'p.csv', context).rows[0]!;
    expect(row.spec.owner).toBe('=Afdeling VTH');
  });

  it('writes dependency ends as kind and key', () => {
    const text = writeCsv('dependency', [FULL.dependency], 'en', { bom: false });
    expect(text.split('\r\n')[1]).toBe(
      'dep-verg-mail,process,verg,asset,mail,runs-on,communicatie,mail naar aanvragers',
    );
  });
});

describe('templates', () => {
  for (const lang of ['nl', 'en'] as const)
    it.each(TEMPLATE_KINDS)(`the %s CSV template in ${lang} is its header row and reads back as that kind`, (kind) => {
      const text = templateCsv(kind, lang);
      expect(text).toBe(
        `\uFEFF${TEMPLATES[kind].columns.map((c) => c.header[lang]).join(lang === 'nl' ? ';' : ',')}\r\n`,
      );
      // Named after its kind, as a downloaded template is: several kinds share Name and Description,
      // but the whole header row is one kind's.
      const read = readCsvRegister(bytes(text), `${kind}.csv`, context);
      expect(read.rows).toEqual([]);
      expect(read.notes?.at(-1)).toContain(`0 ${TEMPLATES[kind].sheet.en.toLowerCase()}`);
    });

  for (const lang of ['nl', 'en'] as const)
    it(`the XLSX template in ${lang} has a sheet per kind and a help sheet, and reads back empty`, async () => {
      const buffer = await templateXlsx(lang);
      const read = await readXlsxRegister(buffer, 'template.xlsx', context);
      expect(read.rows).toEqual([]);
      for (const kind of TEMPLATE_KINDS)
        expect(read.notes).toContain(
          `template.xlsx, sheet ${TEMPLATES[kind].sheet[lang]}: 0 ${TEMPLATES[kind].sheet.en.toLowerCase()}`,
        );
      expect(read.notes).toContain(
        `template.xlsx, sheet ${lang === 'nl' ? 'Toelichting' : 'Help'}: the help sheet; not read`,
      );
    });
});

describe('XLSX round trip', () => {
  for (const lang of ['nl', 'en'] as const as readonly Lang[])
    it(`every kind in one workbook, ${lang}`, async () => {
      const byKind = Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, [FULL[k], MINIMAL[k]]])) as Record<
        TemplateKind,
        (TabularRecord & Record<string, unknown>)[]
      >;
      const buffer = await writeXlsx(byKind, lang);
      const read = await readXlsxRegister(buffer, 'register.xlsx', context);
      expect(read.format).toBe('xlsx');
      for (const kind of TEMPLATE_KINDS)
        expectSameRecords(
          kind,
          read.rows.filter((r) => r.key === kind),
          byKind[kind],
        );
      const first = read.rows.find((r) => r.key === 'contract')!;
      expect(first.at).toEqual({ file: 'register.xlsx', sheet: TEMPLATES.contract.sheet[lang], line: 2 });
    });
});

describe('CSV → register → CSV through the import planner', () => {
  const stamp = { revision: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
  const provenance = { method: 'entered', at: '2025-01-01T00:00:00Z' };
  const stored = (kind: TemplateKind | 'product', input: Record<string, unknown>) => ({
    ...createSchema(kind).parse(input),
    ...stamp,
    provenance,
  });
  /** The samples, and the records they refer to, as stored. */
  const register = (): ExistingRegister =>
    ({
      organisation: { name: 'Gemeente Test', country: 'NL', identifiers: {} },
      process: [FULL.process, MINIMAL.process].map((r) => stored('process', r)),
      party: [
        FULL.party,
        MINIMAL.party,
        { id: 'centric-group', name: 'Centric Group' },
        { id: 'microsoft', name: 'Microsoft Corporation' },
        { id: 'microsoft-ireland', name: 'Microsoft Ireland Operations Ltd' },
      ].map((r) => stored('party', r)),
      product: [
        { id: 'exchange-online', name: 'Exchange Online' },
        { id: 'ox-app-suite', name: 'OX App Suite' },
      ].map((r) => stored('product', r)),
      asset: [FULL.asset, MINIMAL.asset, { id: 'teams', name: 'Teams', type: 'saas', layers: ['applications'] }].map(
        (r) => stored('asset', r),
      ),
      dependency: [FULL.dependency, MINIMAL.dependency].map((r) => stored('dependency', r)),
      contract: [FULL.contract, MINIMAL.contract].map((r) => stored('contract', r)),
      exitPlan: [FULL.exitPlan, MINIMAL.exitPlan].map((r) => stored('exitPlan', r)),
    }) as unknown as ExistingRegister;

  for (const lang of ['nl', 'en'] as const)
    it.each(TEMPLATE_KINDS)(`%s written out and read back in (${lang}) changes nothing`, (kind) => {
      const reg = register();
      const text = writeCsv(kind, reg[kind] as unknown as TabularRecord[], lang);
      const plan = planImport(readCsvRegister(bytes(text), 'export.csv', context), reg, context.kb, context.at);
      expect(plan.rows.map((r) => [r.id, r.action, r.reasons])).toEqual(reg[kind].map((r) => [r.id, 'unchanged', []]));
    });

  it('an emptied cell clears the field; a column left out keeps it', () => {
    const reg = register();
    const text = writeCsv('process', [FULL.process], 'en', { bom: false });
    const [header, line] = text.split('\r\n') as [string, string];
    // Empty the Owner cell (the last one).
    const emptied = `${header}\r\n${line.replace(/,'=Afdeling VTH$/, ',')}\r\n`;
    const cleared = planImport(readCsvRegister(bytes(emptied), 'p.csv', context), reg, context.kb, context.at);
    expect(cleared.rows[0]).toMatchObject({ id: 'verg', action: 'update' });
    expect(cleared.rows[0]!.changes).toEqual([{ field: 'owner', before: '=Afdeling VTH', after: undefined }]);
    // Leave out the Owner column altogether.
    const without = text.replace(',Owner\r\n', '\r\n').replace(/,'=Afdeling VTH\r\n/, '\r\n');
    const kept = planImport(readCsvRegister(bytes(without), 'p.csv', context), reg, context.kb, context.at);
    expect(kept.rows[0]).toMatchObject({ id: 'verg', action: 'unchanged' });
  });

  it('a Dutch workbook plans into new records, references resolved by key and by name', async () => {
    const reg = register();
    const buffer = await writeXlsx(
      { asset: [{ ...MINIMAL.asset, id: 'nieuw', providerId: 'Microsoft Corporation' } as TabularRecord] },
      'nl',
    );
    const plan = planImport(await readXlsxRegister(buffer, 'r.xlsx', context), reg, context.kb, context.at);
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]).toMatchObject({ id: 'nieuw', action: 'create', reasons: [] });
    expect(plan.rows[0]!.matches).toEqual([
      { field: 'providerId', text: 'Microsoft Corporation', kind: 'party', id: 'microsoft', how: 'register-name' },
    ]);
  });
});
