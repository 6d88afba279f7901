import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entered, isValidLei, specSchema, type KindKey, type RecordOf } from '../../domain/index.js';
import { knowledgeIndex } from '../../knowledge/knowledge-base.js';
import type { RegisterImport } from '../register-import.js';
import { codeMeaning, ICT_SERVICE_TYPES, isoCountry, serviceType, TYPE_OF_CODE } from './codes.js';
import { doraImporter, importDoraReport } from './dora.importer.js';
import type { DoraReport, DoraTemplate } from './dora-model.js';
import { DORA_TEMPLATES } from './dora-model.js';
import { gapReport } from './gap-report.js';
import { checkDoraReport } from './preflight.js';
import { buildDoraReport, type DoraExportInput } from './register-to-dora.js';

const kb = knowledgeIndex();
const SAMPLE = 'DUMMYLEI123456789012.CON_FR_DORA010100_DORA_2024-12-31_20241213174803429.zip';

const ORG_LEI = '724500VKKSH9QOLTFR81';
const US_PARENT = '5493001CLOUDCOUS0A77';
const NL_SUBSIDIARY = '7245001CLOUDCONL0B80';
const MAIL_VENDOR = '5299001POSTBODEDE030';
const HOST_EUID = 'NLNHR.12345678';

function record<K extends KindKey>(kind: K, id: string, spec: Record<string, unknown>): RecordOf<K> {
  const parsed = specSchema(kind).parse(spec) as Record<string, unknown>;
  const at = '2026-01-01T00:00:00.000Z';
  return { ...parsed, id, revision: 1, createdAt: at, updatedAt: at, provenance: entered(new Date(at)) } as RecordOf<K>;
}

type Register = DoraExportInput['records'];

/** A bank with a Dutch cloud subsidiary of a US parent (IaaS) and a German SaaS mail vendor hosted by a Dutch datacentre. */
function handBuiltRegister(): Register {
  return {
    parties: [
      record('party', 'cloudco-us', { name: 'CloudCo Inc.', country: 'US', identifiers: { lei: US_PARENT } }),
      record('party', 'cloudco-nl', {
        name: 'CloudCo Netherlands B.V.',
        country: 'NL',
        parentId: 'cloudco-us',
        identifiers: { lei: NL_SUBSIDIARY },
      }),
      record('party', 'postbode', { name: 'Postbode SaaS GmbH', country: 'DE', identifiers: { lei: MAIL_VENDOR } }),
      record('party', 'datacentrum', { name: 'Datacentrum B.V.', country: 'NL', identifiers: { euid: HOST_EUID } }),
    ],
    products: [
      record('product', 'office', { name: 'Postbode Mail', category: 'office-suite', vendorId: 'postbode' }),
      record('product', 'cloud', { name: 'CloudCo Compute', category: 'public-cloud', vendorId: 'cloudco-us' }),
    ],
    assets: [
      record('asset', 'mail', {
        name: 'Mail',
        type: 'saas',
        layers: ['applications'],
        productId: 'office',
        providerId: 'postbode',
        hostingPartyId: 'datacentrum',
        hostingLocations: ['DE'],
        dataLocations: { atRest: ['DE'], processing: ['DE', 'NL'] },
        dataSensitivity: 'personal',
      }),
      record('asset', 'compute', {
        name: 'Compute',
        type: 'iaas',
        layers: ['soft-infrastructure'],
        productId: 'cloud',
        providerId: 'cloudco-nl',
        hostingLocations: ['NL'],
        dataLocations: { atRest: ['NL'], processing: ['NL'] },
        dataSensitivity: 'special-category',
      }),
      record('asset', 'payments-app', { name: 'Payments application', type: 'application', layers: ['applications'] }),
    ],
    processes: [
      record('process', 'payments', { name: 'Payments', vital: true, maxTolerableDowntimeHours: 4 }),
      record('process', 'hr', { name: 'HR administration', maxTolerableDowntimeHours: 48 }),
    ],
    dependencies: [
      record('dependency', 'd1', { from: 'process:payments', to: 'asset:payments-app' }),
      record('dependency', 'd2', { from: 'asset:payments-app', to: 'asset:compute', relation: 'runs-on' }),
      record('dependency', 'd3', { from: 'process:hr', to: 'asset:mail' }),
      record('dependency', 'd4', { from: 'process:payments', to: 'asset:mail' }),
    ],
    contracts: [
      record('contract', 'cloud-contract', {
        name: 'Cloud',
        supplierId: 'cloudco-nl',
        assetIds: ['compute'],
        reference: 'C-2024-001',
        startDate: '2024-01-01',
        endDate: '2027-12-31',
        noticePeriodDays: 90,
        annualValueEur: 120000,
        governingLaw: 'NL',
      }),
      record('contract', 'mail-contract', {
        name: 'Mail',
        supplierId: 'postbode',
        assetIds: ['mail'],
        reference: 'C-2024-002',
        startDate: '2023-06-01',
        annualValueEur: 30000,
        governingLaw: 'DE',
      }),
    ],
    exitPlans: [
      record('exitPlan', 'compute-exit', {
        name: 'Leave CloudCo',
        assetId: 'compute',
        strategy: 'replace',
        targetAlternative: 'OVHcloud',
      }),
    ],
  };
}

const ORGANISATION = { name: 'Veldhaven Bank N.V.', country: 'NL', kind: 'bank', identifiers: { lei: ORG_LEI } };

function exportOf(register: Register, supplement?: DoraReport) {
  return buildDoraReport({
    organisation: ORGANISATION,
    records: register,
    kb,
    ...(supplement ? { supplement } : {}),
    refPeriod: '2025-12-31',
    consolidation: 'IND',
    country: 'NL',
    createdAt: '20260101120000000',
  });
}

/**
 * What the import planner does, reduced to the test's needs: rows become records under their ids,
 * links resolve to rows of the same import by key, and each spec is validated by the domain schema.
 * A row whose link does not resolve or whose spec is invalid is rejected and reported.
 */
function resolve(imp: RegisterImport): { register: Register; rejected: string[] } {
  const ids = new Map<string, Set<string>>();
  imp.rows.forEach((row, n) => {
    const id = row.id ?? `row-${n}`;
    ids.set(row.key, (ids.get(row.key) ?? new Set()).add(id));
  });
  const kindKey = (kind: string): KindKey => (kind === 'exit-plan' ? 'exitPlan' : (kind as KindKey));
  const out: Record<string, unknown[]> = {};
  const rejected: string[] = [];
  imp.rows.forEach((row, n) => {
    const spec: Record<string, unknown> = { ...row.spec };
    let ok = !row.problems?.length;
    for (const link of row.links ?? []) {
      if (!ids.get(kindKey(link.kind))?.has(link.text)) {
        rejected.push(`${row.key} ${row.id}: ${link.field} → ${link.text}`);
        ok = false;
        continue;
      }
      const value = link.asRef ? `${link.kind}:${link.text}` : link.text;
      if (link.many) spec[link.field] = [...((spec[link.field] as unknown[] | undefined) ?? []), value];
      else spec[link.field] = value;
    }
    const parsed = specSchema(row.key).safeParse(spec);
    if (!parsed.success) rejected.push(`${row.key} ${row.id}: ${parsed.error.message}`);
    if (ok && parsed.success) (out[row.key] ??= []).push(record(row.key, row.id ?? `row-${n}`, spec));
  });
  const list = <K extends KindKey>(k: K) => (out[k] ?? []) as RecordOf<K>[];
  return {
    register: {
      processes: list('process'),
      parties: list('party'),
      products: list('product'),
      assets: list('asset'),
      dependencies: list('dependency'),
      contracts: list('contract'),
      exitPlans: list('exitPlan'),
    },
    rejected,
  };
}

const tagAt = (x: ReturnType<typeof exportOf>, t: DoraTemplate, row: number, col: string) => x.tags[t][row]![col]!;
const rowWhere = (x: ReturnType<typeof exportOf>, t: DoraTemplate, match: Record<string, string>) => {
  const i = x.report.tables[t].findIndex((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  expect(i, `${t} row ${JSON.stringify(match)}`).toBeGreaterThanOrEqual(0);
  return { row: x.report.tables[t][i]!, tags: x.tags[t][i]! };
};

describe('codes', () => {
  it('maps qualified names to ISO codes and service types, and says what a code means', () => {
    expect(isoCountry('eba_GA:NL')).toBe('NL');
    expect(isoCountry('eba_GA:x28')).toBeUndefined();
    expect(serviceType('eba_TA:S19')).toBe('S19');
    expect(serviceType('eba_TA:x28')).toBeUndefined();
    expect(codeMeaning('eba_ZZ:x959')?.label).toBe('Not substitutable');
    expect(codeMeaning('eba_ZZ:x0')?.verified).toBe(false);
    expect(codeMeaning('eba_TA:x163')).toBeUndefined();
  });

  it('uses only codes the taxonomy allows, and the service type names of the knowledge base', () => {
    const allowed = new Set(
      DORA_TEMPLATES.flatMap((t) =>
        Object.values(
          (
            JSON.parse(readFileSync(new URL(`./taxonomy/${t.toLowerCase()}.json`, import.meta.url), 'utf8')) as {
              tableTemplates: Record<
                string,
                { columns: Record<string, { 'eba:documentation'?: { AllowedValue?: object } }> }
              >;
            }
          ).tableTemplates,
        ).flatMap((tt) =>
          Object.values(tt.columns).flatMap((c) => Object.keys(c['eba:documentation']?.AllowedValue ?? {})),
        ),
      ),
    );
    for (const c of [...Object.values(TYPE_OF_CODE), ...ICT_SERVICE_TYPES])
      expect(allowed.has(c.code), c.code).toBe(true);
    const names = kb.kb.categories.doraServiceTypes.map((s) => `eba_TA:${s.code} ${s.name}`);
    expect(ICT_SERVICE_TYPES.map((s) => `${s.code} ${s.label}`)).toEqual(names);
  });
});

describe('buildDoraReport from a hand-built register', () => {
  const x = exportOf(handBuiltRegister());
  const t = x.report.tables;

  it('uses valid LEIs in the fixture', () => {
    for (const lei of [ORG_LEI, US_PARENT, NL_SUBSIDIARY, MAIL_VENDOR]) expect(isValidLei(lei)).toBe(true);
  });

  it('derives the expected rows per template', () => {
    expect(x.report.entityLei).toBe(ORG_LEI);
    expect(Object.fromEntries(DORA_TEMPLATES.map((k) => [k, t[k].length]).filter(([, n]) => n))).toEqual({
      'B_01.01': 1,
      'B_01.02': 1,
      'B_02.01': 2,
      // compute × payments (through the payments application); mail × {payments, hr} × processing {DE, NL}
      'B_02.02': 5,
      // each contract signed by its provider (the taxonomy's rule R17)
      'B_03.02': 2,
      // the two providers, the host, and the US ultimate parent
      'B_05.01': 4,
      'B_05.02': 1,
      'B_06.01': 2,
      'B_07.01': 2,
    });
    expect(x.report.filingIndicators['B_02.02']).toBe(true);
    expect(x.report.filingIndicators['B_99.01']).toBe(false);
  });

  it('fills the entity from the organisation and tags what it infers', () => {
    expect(t['B_01.01'][0]).toEqual({
      c0010: ORG_LEI,
      c0020: 'Veldhaven Bank N.V.',
      c0030: 'eba_GA:NL',
      c0040: 'eba_CT:x12',
      c0060: '2025-12-31',
    });
    expect(tagAt(x, 'B_01.01', 0, 'c0010')).toEqual({ status: 'FILLED', from: 'organisation.identifiers.lei' });
    expect(tagAt(x, 'B_01.01', 0, 'c0040').status).toBe('INFERRED');
    expect(tagAt(x, 'B_01.01', 0, 'c0050')).toEqual({ status: 'MISSING' });
  });

  it('identifies providers by LEI, else EUID, with the ultimate parent through the parent chain', () => {
    const nl = rowWhere(x, 'B_05.01', { c0010: NL_SUBSIDIARY });
    expect(nl.row).toMatchObject({
      c0020: TYPE_OF_CODE.LEI.code,
      c0050: 'CloudCo Netherlands B.V.',
      c0070: 'eba_CT:x212',
      c0080: 'eba_GA:NL',
      c0110: US_PARENT,
      c0120: TYPE_OF_CODE.LEI.code,
      c0100: '120000',
    });
    expect(nl.tags.c0110).toEqual({ status: 'FILLED', from: 'party:cloudco-us.identifiers.lei' });
    expect(nl.tags.c0100!.status).toBe('INFERRED');
    const host = rowWhere(x, 'B_05.01', { c0010: HOST_EUID });
    expect(host.row.c0020).toBe(TYPE_OF_CODE.EUID.code);
    expect(host.tags.c0110).toEqual({ status: 'MISSING' });
    rowWhere(x, 'B_05.01', { c0010: US_PARENT });
  });

  it('derives service rows per contract, asset, function and location, with service types and sensitiveness', () => {
    const compute = rowWhere(x, 'B_02.02', { c0010: 'C-2024-001', c0050: 'payments' });
    expect(compute.row).toMatchObject({
      c0020: ORG_LEI,
      c0030: NL_SUBSIDIARY,
      c0060: 'eba_TA:S17',
      c0070: '2024-01-01',
      c0080: '2027-12-31',
      c0100: '90',
      c0120: 'eba_GA:NL',
      c0130: 'eba_GA:NL',
      c0140: 'eba_BT:x28',
      c0150: 'eba_GA:NL',
      c0160: 'eba_GA:NL',
      c0170: 'eba_ZZ:x793',
    });
    expect(compute.tags.c0060).toEqual({ status: 'FILLED', from: 'asset:compute.type' });
    expect(compute.tags.c0130).toEqual({ status: 'FILLED', from: 'asset:compute.hostingLocations' });
    expect(compute.tags.c0140!.status).toBe('INFERRED');
    expect(compute.tags.c0170).toMatchObject({ status: 'INFERRED', source: 'asset:compute.dataSensitivity' });
    expect(compute.tags.c0180).toEqual({ status: 'MISSING' });
    const mail = t['B_02.02'].filter((r) => r.c0010 === 'C-2024-002');
    expect(mail.map((r) => `${r.c0050} ${r.c0160}`).sort()).toEqual([
      'hr eba_GA:DE',
      'hr eba_GA:NL',
      'payments eba_GA:DE',
      'payments eba_GA:NL',
    ]);
    expect(mail.every((r) => r.c0060 === 'eba_TA:S19' && r.c0170 === 'eba_ZZ:x792' && r.c0080 === undefined)).toBe(
      true,
    );
  });

  it('records the hosting party as the rank-2 subcontractor', () => {
    expect(t['B_05.02']).toEqual([
      {
        c0010: 'C-2024-002',
        c0020: 'eba_TA:S19',
        c0030: HOST_EUID,
        c0040: TYPE_OF_CODE.EUID.code,
        c0050: '2',
        c0060: MAIL_VENDOR,
        c0070: TYPE_OF_CODE.LEI.code,
      },
    ]);
  });

  it('reports vital processes as critical functions and the downtime as RTO, inferred', () => {
    const pay = rowWhere(x, 'B_06.01', { c0010: 'payments' });
    expect(pay.row).toMatchObject({ c0030: 'Payments', c0040: ORG_LEI, c0050: 'eba_BT:x28', c0080: '4' });
    expect(pay.tags.c0050).toEqual({ status: 'FILLED', from: 'process:payments.vital' });
    expect(pay.tags.c0080!.status).toBe('INFERRED');
    const hr = rowWhere(x, 'B_06.01', { c0010: 'hr' });
    expect(hr.row.c0050).toBe('eba_BT:x29');
    expect(hr.tags.c0050!.status).toBe('INFERRED');
  });

  it('assesses each contract, provider and service type: exit plan and substitutability', () => {
    const cloud = rowWhere(x, 'B_07.01', { c0010: 'C-2024-001' });
    expect(cloud.row).toMatchObject({
      c0020: NL_SUBSIDIARY,
      c0040: 'eba_TA:S17',
      c0050: 'eba_ZZ:x960',
      c0080: 'eba_BT:x28',
      c0110: 'eba_BT:x28',
      c0120: 'OVHcloud',
    });
    expect(cloud.tags.c0080).toEqual({ status: 'FILLED', from: 'exit-plan:compute-exit' });
    expect(cloud.tags.c0050).toMatchObject({ status: 'INFERRED', source: 'knowledge base category public-cloud' });
    const mail = rowWhere(x, 'B_07.01', { c0010: 'C-2024-002' });
    expect(mail.row.c0080).toBe('eba_BT:x29');
    expect(mail.tags.c0080!.status).toBe('INFERRED');
    expect(mail.tags.c0110).toEqual({ status: 'MISSING' });
  });

  it('tags every column of every row, and keeps key and foreign-key integrity', () => {
    for (const k of DORA_TEMPLATES) {
      expect(x.tags[k]).toHaveLength(t[k].length);
      t[k].forEach((row, i) => {
        for (const [col, tag] of Object.entries(x.tags[k][i]!))
          expect(tag.status === 'MISSING', `${k} ${i} ${col}`).toBe(row[col] === undefined);
      });
    }
    const issues = checkDoraReport(x.report);
    expect(
      issues.filter((i) => ['primary-key', 'foreign-key', 'lei', 'closed-list', 'format'].includes(i.check)),
    ).toEqual([]);
  });

  it('gap report: counts per template and the mandatory fields that block filing', () => {
    const issues = checkDoraReport(x.report);
    const gaps = gapReport(x.report, x.tags, issues);
    const b0101 = gaps.templates.find((g) => g.template === 'B_01.01')!;
    expect(b0101).toMatchObject({ rows: 1, filled: 3, inferred: 2, missing: 1 });
    expect(b0101.missingFields).toEqual([{ column: 'c0050', label: 'B_01.01 c0050 (Competent authority)', rows: [0] }]);
    expect(b0101.blocking).toEqual([
      {
        template: 'B_01.01',
        row: 0,
        column: 'c0050',
        label: 'B_01.01 c0050 (Competent authority)',
        check: 'mandatory',
        message: 'B_01.01 c0050 (Competent authority): is mandatory and empty',
      },
    ]);
    const b0202 = gaps.templates.find((g) => g.template === 'B_02.02')!;
    // the mail contract has no end date: four rows
    expect(b0202.missingFields.find((m) => m.column === 'c0080')?.rows).toHaveLength(4);
    const count = (s: string) =>
      DORA_TEMPLATES.reduce(
        (n, k) => n + x.tags[k].flatMap((r) => Object.values(r)).filter((g) => g.status === s).length,
        0,
      );
    expect(gaps.totals).toMatchObject({
      filled: count('FILLED'),
      inferred: count('INFERRED'),
      missing: count('MISSING'),
    });
    expect(gaps.readyToFile).toBe(false);
    expect(gapReport(x.report, x.tags, []).readyToFile).toBe(true);
  });
});

describe('import and export give every value back', () => {
  it('a register exported, imported and exported again gives the same report', () => {
    const first = exportOf(handBuiltRegister());
    const imported = importDoraReport(first.report, 'first.zip');
    expect(imported.organisation).toEqual({
      name: 'Veldhaven Bank N.V.',
      country: 'NL',
      identifiers: { lei: ORG_LEI },
    });
    expect(imported.unmapped).toEqual([]);
    const { register, rejected } = resolve(imported);
    expect(rejected).toEqual([]);
    // the records the package describes
    expect(register.parties.map((p) => p.id).sort()).toEqual([
      `euid-${HOST_EUID.toLowerCase()}`,
      `lei-${MAIL_VENDOR.toLowerCase()}`,
      `lei-${US_PARENT.toLowerCase()}`,
      `lei-${NL_SUBSIDIARY.toLowerCase()}`,
    ]);
    expect(register.parties.find((p) => p.id === `lei-${NL_SUBSIDIARY.toLowerCase()}`)?.parentId).toBe(
      `lei-${US_PARENT.toLowerCase()}`,
    );
    expect(register.contracts.find((c) => c.reference === 'C-2024-001')).toMatchObject({
      annualValueEur: 120000,
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      noticePeriodDays: 90,
      governingLaw: 'NL',
    });
    const mail = register.assets.find((a) => a.type === 'saas')!;
    expect(mail).toMatchObject({
      hostingLocations: ['DE'],
      hostingPartyId: `euid-${HOST_EUID.toLowerCase()}`,
      dataLocations: { atRest: ['DE'], processing: ['DE', 'NL'] },
    });
    expect(register.processes.map((p) => [p.name, p.vital, p.maxTolerableDowntimeHours])).toEqual([
      ['Payments', true, 4],
      ['HR administration', false, 48],
    ]);
    expect(register.dependencies).toHaveLength(3);
    expect(register.exitPlans).toEqual([]);

    const second = exportOf(register, imported.dora);
    expect(second.report.tables).toEqual(first.report.tables);
    expect(second.notes).toEqual([]);
  });

  it('the EBA sample: imported, resolved and exported with its supplement, gives back every value', async () => {
    const bytes = readFileSync(new URL(`../../../test/fixtures/dora/${SAMPLE}`, import.meta.url));
    expect(doraImporter.sniff(SAMPLE, bytes.subarray(0, 4))).toBe(true);
    // Its dummy values refer to nothing across templates: refused as it stands, read when lenient.
    await expect(doraImporter.read(bytes, SAMPLE, { kb, at: new Date('2026-01-01') })).rejects.toThrow(
      /54 references between templates point at nothing/,
    );
    const imported = await doraImporter.read(bytes, SAMPLE, { kb, at: new Date('2026-01-01'), lenient: true });
    const sample = imported.dora!;
    expect(imported.unmapped).toEqual([]);
    // the sample's dummy values break most references; only what it defines consistently becomes records
    expect(imported.rows.map((r) => r.key).sort()).toEqual(['party', 'party', 'process', 'process']);
    expect(imported.rows[0]!.at).toEqual({ file: SAMPLE, sheet: 'b_05.01.csv', line: 2 });
    expect(imported.organisation).toEqual({ name: 'qrriikqg', country: 'AL' });
    const { register, rejected } = resolve(imported);
    expect(rejected).toEqual([]);

    const out = buildDoraReport({
      organisation: { name: String(imported.organisation!.name), country: String(imported.organisation!.country) },
      records: register,
      kb,
      supplement: sample,
      createdAt: sample.createdAt,
    });
    for (const k of DORA_TEMPLATES) expect(out.report.tables[k], k).toEqual(sample.tables[k]);
    const { tables: _a, ...meta } = out.report;
    const { tables: _b, ...sampleMeta } = sample;
    expect(meta).toEqual(sampleMeta);
    // values from the register are tagged as such, the rest as the imported package's
    const fn = out.report.tables['B_06.01'].findIndex((r) => r.c0010 === 'noxhckao');
    expect(out.tags['B_06.01'][fn]!.c0030).toEqual({ status: 'FILLED', from: 'process:fn-noxhckao-ljexgeca.name' });
    expect(out.tags['B_06.01'][fn]!.c0090).toEqual({ status: 'FILLED', from: 'imported package' });
  });

  it('leaves out imported rows whose records the register no longer holds', () => {
    const first = exportOf(handBuiltRegister());
    const imported = importDoraReport(first.report, 'first.zip');
    const { register } = resolve(imported);
    const withoutHr = {
      ...register,
      processes: register.processes.filter((p) => p.name !== 'HR administration'),
      dependencies: register.dependencies.filter((d) => !d.from.includes('fn-hr')),
    };
    const second = exportOf(withoutHr, imported.dora);
    expect(second.report.tables['B_06.01'].map((r) => r.c0010)).toEqual(['payments']);
    expect(second.report.tables['B_02.02'].some((r) => r.c0050 === 'hr')).toBe(false);
    expect(second.notes).toEqual([
      'B_02.02: 2 rows of the imported package left out: the register no longer holds their records as imported',
      'B_06.01: 1 row of the imported package left out: the register no longer holds its record as imported',
    ]);
  });
});
